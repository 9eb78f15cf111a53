package main

import (
	"os"
	"reflect"
)

// configEnvNames lists every environment variable Config reads.
func configEnvNames() []string {
	var names []string
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("envconfig"); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func unsetenv(name string) { _ = os.Unsetenv(name) }
