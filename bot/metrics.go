package bot

import (
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus series the bot exposes on /metrics. Each Bot
// has its own registry, so several can run in one process (as in tests).
type Metrics struct {
	registry    *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	slackErrors *prometheus.CounterVec
	redisErrors *prometheus.CounterVec

	// observed holds each (kind, outcome)'s series once looked up: a label
	// lookup hashes the labels every time, and every request is observed.
	observedMu sync.RWMutex
	observed   map[seriesKey]requestSeries
}

type seriesKey struct{ kind, outcome string }

type requestSeries struct {
	count   prometheus.Counter
	latency prometheus.Observer
}

// observe counts a request of kind with outcome, and its time since start.
func (m *Metrics) observe(kind, outcome string, start time.Time) {
	key := seriesKey{kind, outcome}
	m.observedMu.RLock()
	series, ok := m.observed[key]
	m.observedMu.RUnlock()
	if !ok {
		series = requestSeries{count: m.requests.WithLabelValues(kind, outcome), latency: m.latency.WithLabelValues(kind)}
		m.observedMu.Lock()
		if m.observed == nil {
			m.observed = make(map[seriesKey]requestSeries)
		}
		m.observed[key] = series
		m.observedMu.Unlock()
	}
	series.count.Inc()
	series.latency.Observe(time.Since(start).Seconds())
}

// NewMetrics registers the bot's series, with the Go runtime and process
// collectors, on a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_requests_total",
			Help: "Requests from Slack or the console, by kind (slash_command, event, interaction, ...) and outcome.",
		}, []string{"kind", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "peerbot_request_duration_seconds",
			Help:    "Time to answer a request, by kind.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5},
		}, []string{"kind"}),
		slackErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_slack_api_errors_total",
			Help: "Failed Slack Web API calls, by method.",
		}, []string{"method"}),
		redisErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_redis_errors_total",
			Help: "Failed Redis commands, by command.",
		}, []string{"op"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.slackErrors, m.redisErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// RedisError counts a failed Redis command; pass it as the store's OnError.
func (m *Metrics) RedisError(op string) { m.redisErrors.WithLabelValues(op).Inc() }

func (m *Metrics) slackError(method string) { m.slackErrors.WithLabelValues(method).Inc() }

func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}
