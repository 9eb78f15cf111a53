package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// servers are the HTTP servers a mode runs: the one for Slack on PORT (with
// /healthz, /readyz and, unless METRICS_ADDR is set, /metrics), and the one
// for /metrics alone on METRICS_ADDR.
type servers struct {
	list   []*http.Server
	failed chan error // the first server that stops serving, and why
}

// listen starts the servers; listening, when not nil, is told the Slack
// server's address once it accepts connections.
func (a *app) listen(listening func(addr string)) (*servers, error) {
	s := &servers{failed: make(chan error, 2)}
	handler := a.bot.Handler()
	slackHandler := handler
	if a.cfg.MetricsAddr != "" {
		slackHandler = withoutMetrics(handler)
	}
	addr, err := s.start(a.log, a.cfg.ListenAddr(), slackHandler)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on HOST %q, PORT %d: %w", a.cfg.Host, a.cfg.Port, err)
	}
	a.log.Info("listening", "addr", addr, "mode", string(a.mode))
	if a.cfg.MetricsAddr != "" {
		maddr, err := s.start(a.log, a.cfg.MetricsAddr, onlyMetrics(handler))
		if err != nil {
			_ = s.shutdown(context.Background())
			return nil, fmt.Errorf("cannot listen on METRICS_ADDR %s: %w", a.cfg.MetricsAddr, err)
		}
		a.log.Info("serving metrics", "addr", maddr)
	}
	if listening != nil {
		listening(addr)
	}
	return s, nil
}

// start serves h on addr in a goroutine and returns the address it took.
func (s *servers) start(log *slog.Logger, addr string, h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	s.list = append(s.list, srv)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.failed <- fmt.Errorf("serving HTTP on %s: %w", ln.Addr(), err)
		}
	}()
	return ln.Addr().String(), nil
}

// shutdown stops taking requests and waits for those in flight, until ctx
// ends.
func (s *servers) shutdown(ctx context.Context) error {
	var errs []error
	for _, srv := range s.list {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stopping the HTTP server: %w", err))
		}
	}
	return errors.Join(errs...)
}

// withoutMetrics serves h but for /metrics, which is served elsewhere.
func withoutMetrics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/metrics" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// onlyMetrics serves /metrics from h, and nothing else.
func onlyMetrics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
