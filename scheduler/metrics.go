package scheduler

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the engine's Prometheus series. Register them with
// Collectors on the registry that serves /metrics.
type Metrics struct {
	sent    *prometheus.CounterVec
	failed  *prometheus.CounterVec
	retried *prometheus.CounterVec
	skipped *prometheus.CounterVec
	depth   *prometheus.GaugeVec
	lag     *prometheus.HistogramVec
}

// NewMetrics makes the engine's series, not yet registered.
func NewMetrics() *Metrics {
	return &Metrics{
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_reminders_sent_total",
			Help: "Occurrences delivered to Slack, by kind.",
		}, []string{"kind"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_reminders_failed_total",
			Help: "Occurrences given up on, by kind and reason (permanent, exhausted, compose).",
		}, []string{"kind", "reason"}),
		retried: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_reminders_retried_total",
			Help: "Occurrences put back to try again, by kind and cause (error, rate_limited, deferred).",
		}, []string{"kind", "cause"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "peerbot_reminders_skipped_total",
			Help: "Occurrences not sent, by kind and cause (already_sent, not_needed, past_grace).",
		}, []string{"kind", "cause"}),
		depth: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "peerbot_reminder_queue_depth",
			Help: "Items per shard, waiting or in flight (state).",
		}, []string{"shard", "state"}),
		lag: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "peerbot_reminder_lag_seconds",
			Help:    "Time from an occurrence's due time to its delivery, by kind.",
			Buckets: []float64{.1, .25, .5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 86400},
		}, []string{"kind"}),
	}
}

// Collectors lists the series, for prometheus.Registerer.MustRegister.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.sent, m.failed, m.retried, m.skipped, m.depth, m.lag}
}

func (m *Metrics) setDepth(shard int, waiting, inFlight int64) {
	s := strconv.Itoa(shard)
	m.depth.WithLabelValues(s, "waiting").Set(float64(waiting))
	m.depth.WithLabelValues(s, "in_flight").Set(float64(inFlight))
}
