package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const secret = "bench-signing-secret"

// logLevel is the bot's LOG_LEVEL; "" leaves the bot's default.
var logLevel string

// process is a child serving HTTP on loopback: peerbot or the bare handler.
type process struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:port
}

func (p *process) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

// rss is the child's resident memory, from /proc.
func (p *process) rss() (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}

// cpu is the child's CPU time so far, user and system, from /proc (in
// clock ticks of 1/100 s, the Linux default).
func (p *process) cpu() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: count from after it.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil
}

// newFakeSlack answers every Web API method the bot calls, as Slack would
// when all is well, and takes response_url posts.
func newFakeSlack() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		switch strings.TrimPrefix(r.URL.Path, "/") {
		case "auth.test":
			fmt.Fprint(w, `{"ok":true,"user_id":"UBOT","team_id":"T1","user":"peerbot"}`)
		case "users.info":
			fmt.Fprint(w, `{"ok":true,"user":{"id":"U1","tz":"Europe/London"}}`)
		case "conversations.open":
			fmt.Fprint(w, `{"ok":true,"channel":{"id":"D1"}}`)
		case "chat.postMessage":
			fmt.Fprint(w, `{"ok":true,"channel":"D1","ts":"1700000999.000100"}`)
		default:
			fmt.Fprint(w, `{"ok":true,"messages":[],"view":{"id":"V1"}}`)
		}
	}))
}

// startPeerbot runs the binary in HTTP mode and waits for /readyz to
// answer 200; it returns the process and the time from start to ready.
func startPeerbot(ctx context.Context, bin, slackURL, redisURL, prefix string) (*process, time.Duration, error) {
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(cleanEnv(),
		"SLACK_BOT_TOKEN=xoxb-bench", "SLACK_SIGNING_SECRET="+secret, "SLACK_API_URL="+slackURL+"/",
		"SLACK_RESPONSE_URL_PREFIX="+slackURL+"/", "REDIS_URL="+redisURL, "REDIS_KEY_PREFIX="+prefix,
		"HOST=127.0.0.1", "PORT="+strconv.Itoa(port), "LOG_FORMAT=json",
	)
	if logLevel != "" {
		cmd.Env = append(cmd.Env, "LOG_LEVEL="+logLevel)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, 0, err
	}
	cmd.Stdout = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	go discard(stderr)
	p := &process{cmd: cmd, base: "http://127.0.0.1:" + strconv.Itoa(port)}
	client := &http.Client{Timeout: time.Second}
	for time.Since(start) < 30*time.Second {
		resp, err := client.Get(p.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, time.Since(start), nil
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	p.stop()
	return nil, 0, errors.New("peerbot did not answer /readyz 200 within 30 s")
}

// startBare runs this program's -bare mode and reads the address it prints.
// With redisURL it also serves /slack/redis, the bare handler plus the
// Redis read a status reply makes, of the person under prefix.
func startBare(ctx context.Context, redisURL, prefix string) (*process, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, self, "-bare")
	cmd.Env = append(os.Environ(), "BENCH_REDIS_URL="+redisURL, "BENCH_REDIS_PREFIX="+prefix)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("bare handler: %w", err)
	}
	go discard(out)
	return &process{cmd: cmd, base: "http://" + strings.TrimSpace(line)}, nil
}

// cleanEnv is this process's environment without peerbot's settings.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "SLACK_") && !strings.HasPrefix(name, "REDIS_") && !slices.Contains(peerbotVars, name) {
			env = append(env, kv)
		}
	}
	return env
}

var peerbotVars = []string{"PORT", "HOST", "METRICS_ADDR", "LOG_LEVEL", "LOG_FORMAT", "KNOWLEDGE_DIR", "ADMIN_USER_IDS", "PEER_CHANNEL_ID", "DEFAULT_TZ"}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
