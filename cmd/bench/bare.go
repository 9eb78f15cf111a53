package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/slack-go/slack"
)

// maxBody is the bot's own limit on a request body from Slack.
const maxBody = 1 << 20

// serveBare is the least a Slack endpoint can do: read the body, check the
// signature with slack-go and answer a line of JSON. It prints its address
// and serves until killed. GET /allocs says how many heap allocations the
// process has made, so allocations per request can be compared.
func serveBare(out io.Writer) error {
	var rdb *redis.Client
	if u := os.Getenv("BENCH_REDIS_URL"); u != "" {
		c, err := openRedis(u)
		if err != nil {
			return err
		}
		defer c.Close()
		rdb = c
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	verified := func(w http.ResponseWriter, r *http.Request) bool {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return false
		}
		sv, err := slack.NewSecretsVerifier(r.Header, secret)
		if err == nil {
			_, err = sv.Write(body)
		}
		if err == nil {
			err = sv.Ensure()
		}
		if err != nil {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return false
		}
		return true
	}
	mux.HandleFunc("POST /slack/events", func(w http.ResponseWriter, r *http.Request) {
		if verified(w, r) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = io.WriteString(w, `{"text":"ok"}`)
		}
	})
	// /slack/redis adds the one Redis round trip a status reply makes:
	// the same three hash reads in one MULTI, of the person the bench asks
	// about (BENCH_REDIS_PREFIX), each answer taken raw as the store takes
	// it, to show the floor a reply that must read Redis stands on.
	if rdb != nil {
		base := os.Getenv("BENCH_REDIS_PREFIX") + "sup:{" + person + "}:"
		keys := []string{base + "profile", base + "summary", base + "latest"}
		mux.HandleFunc("POST /slack/redis", func(w http.ResponseWriter, r *http.Request) {
			if !verified(w, r) {
				return
			}
			_, err := rdb.TxPipelined(r.Context(), func(p redis.Pipeliner) error {
				for _, k := range keys {
					_ = p.Process(r.Context(), redis.NewRawCmd(r.Context(), "hgetall", k))
				}
				return nil
			})
			if err != nil {
				http.Error(w, "redis", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = io.WriteString(w, `{"text":"ok"}`)
		})
	}
	mux.HandleFunc("GET /allocs", func(w http.ResponseWriter, _ *http.Request) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		_, _ = io.WriteString(w, strconv.FormatUint(m.Mallocs, 10))
	})
	fmt.Fprintln(out, l.Addr().String())
	// Served as peerbot serves (serve.go): the timeouts a public server
	// needs cost each request a little, and are not the bot's own work.
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	return srv.Serve(l)
}
