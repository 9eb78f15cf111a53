package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
)

// BenchmarkSupervisionStatusHTTP measures a signed /supervision status over
// loopback for a person with three years of monthly sessions: signature
// check, routing, the Redis read, the handler, rendering and JSON. Run it
// with -cpuprofile to see where a status request's time goes.
func BenchmarkSupervisionStatusHTTP(b *testing.B) {
	send := statusBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		send("status")
	}
}

// BenchmarkSupervisionStatusHTTPParallel is BenchmarkSupervisionStatusHTTP
// from eight clients at once on two CPUs (four per CPU), as the bench's
// concurrency 8 row sends them: where a status reply's CPU goes when the
// machine is busy.
func BenchmarkSupervisionStatusHTTPParallel(b *testing.B) {
	send := statusBench(b)
	b.ReportAllocs()
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			send("status")
		}
	})
}

// statusBench starts the bot over loopback with a person who has three
// years of monthly sessions, and returns what sends them a signed
// /supervision command and returns the answer.
func statusBench(b *testing.B) func(text string) string {
	b.Helper()
	p := startHTTP(b, map[string]string{"LOG_LEVEL": "info"})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	send := func(text string) string {
		body := slashForm("/supervision", text, p.slack.URL+"/respond")
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, p.base+"/slack/events", strings.NewReader(body))
		req.Header.Set("Content-Type", form)
		ts, sig := bot.Sign(testSecret, time.Now(), []byte(body))
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		resp, err := client.Do(req)
		if err != nil {
			b.Error(err)
			return ""
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Errorf("%s: status %d", text, resp.StatusCode)
		}
		return string(out)
	}
	if got := send("setup role=splw pcn=Central locality=gateshead supervisor=@USUP"); !strings.Contains(got, "Saved") {
		b.Fatalf("setup answered %.300s", got)
	}
	now := time.Now().UTC()
	for i := 1; i <= 36; i++ {
		d := time.Date(now.Year(), now.Month()-time.Month(i), 15, 0, 0, 0, 0, time.UTC)
		if got := send(fmt.Sprintf("log %s clinical 60", d.Format("2006-01-02"))); !strings.Contains(got, "Logged") {
			b.Fatalf("log answered %.300s", got)
		}
	}
	if got := send("status"); !strings.Contains(got, "Your supervision") {
		b.Fatalf("status answered %.300s", got)
	}
	return send
}
