package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/internal/redistest"
)

// buildBinary builds peerbot once for the tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "peerbot")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// cleanEnv is the process environment without any peerbot setting.
func cleanEnv(t testing.TB, extra ...string) []string {
	var env []string
	names := map[string]bool{}
	for _, n := range configVars(t) {
		names[n] = true
	}
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); !names[name] {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// TestProcess runs the built program as a newcomer and as a host would:
// the console over a pipe, then HTTP mode stopped with SIGTERM.
func TestProcess(t *testing.T) {
	bin := buildBinary(t)

	t.Run("console over a pipe", func(t *testing.T) {
		cmd := exec.Command(bin)
		cmd.Env = cleanEnv(t)
		cmd.Stdin = strings.NewReader("/roles coach\n")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("console: %v\n%s", err, errOut.String())
		}
		if !strings.Contains(out.String(), "Health and wellbeing coach (HWBC)") {
			t.Errorf("console answer to /roles coach:\n%s", out.String())
		}
	})

	t.Run("bad configuration", func(t *testing.T) {
		cmd := exec.Command(bin)
		cmd.Env = cleanEnv(t, "DEFAULT_TZ=Mars/Olympus")
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		err := cmd.Run()
		if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 {
			t.Fatalf("exit code %d (%v), want 1", code, err)
		}
		lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "peerbot: configuration: DEFAULT_TZ: ") {
			t.Errorf("stderr = %q, want one line naming DEFAULT_TZ", errOut.String())
		}
	})

	t.Run("HTTP mode stops on SIGTERM", func(t *testing.T) { httpStopsOnSIGTERM(t, bin) })
}

// httpStopsOnSIGTERM runs the binary in HTTP mode, answers a signed and
// a badly signed request, and stops it with SIGTERM: it must exit 0 in
// order, with no secret or answer text in its logs.
func httpStopsOnSIGTERM(t *testing.T, bin string) {
	fake := newFakeSlack(t)
	cmd := exec.Command(bin)
	cmd.Env = cleanEnv(t,
		"SLACK_BOT_TOKEN=xoxb-test-token", "SLACK_SIGNING_SECRET="+testSecret,
		"SLACK_API_URL="+fake.URL+"/", "REDIS_URL="+redistest.URL(t), "REDIS_KEY_PREFIX="+redistest.Prefix(t),
		"PORT=0", "LOG_FORMAT=json",
	)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := &syncBuffer{}
	addrCh := make(chan string, 1)
	// The pipe is read to its end (the process exiting closes it)
	// before cmd.Wait, which closes the pipe and would lose the last
	// lines (os/exec: "it is incorrect to call Wait before all reads
	// from the pipe have completed").
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		re := regexp.MustCompile(`"msg":"listening","addr":"([^"]+)"`)
		buf := make([]byte, 4096)
		sent := false
		for {
			n, err := stderr.Read(buf)
			logs.Write(buf[:n])
			if m := re.FindStringSubmatch(logs.String()); m != nil && !sent {
				addrCh <- m[1]
				sent = true
			}
			if err != nil {
				return
			}
		}
	}()
	var addr string
	select {
	case addr = <-addrCh:
	case <-time.After(10 * time.Second):
		t.Fatalf("no listening line in the logs:\n%s", logs.String())
	}
	base := "http://127.0.0.1:" + addr[strings.LastIndex(addr, ":")+1:]
	p := &program{base: base, slack: fake}
	resp := p.post(t, form, slashForm("/roles", "coach", fake.URL+"/respond"), testSecret, time.Now())
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("Health and wellbeing coach (HWBC)")) {
		t.Errorf("signed /roles coach = %d %s", resp.StatusCode, body)
	}
	if resp := p.post(t, form, slashForm("/roles", "coach", ""), "wrong-secret", time.Now()); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("badly signed /roles = %d, want 401", resp.StatusCode)
	}

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		<-readDone
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit 0\n%s", err, logs.String())
		}
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatalf("still running %v after SIGTERM", shutdownGrace)
	}
	t.Logf("stopped %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	for _, secret := range []string{"xoxb-test-token", testSecret, "Regular tasks"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the logs hold %q:\n%s", secret, logs.String())
		}
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("no orderly stop in the logs:\n%s", logs.String())
	}
}

// BenchmarkSlashCommandHTTP measures a signed /roles coach over loopback:
// signature check, routing, the handler, Block Kit rendering and JSON.
func BenchmarkSlashCommandHTTP(b *testing.B) {
	p := startHTTP(b, map[string]string{"LOG_LEVEL": "error"})
	body := slashForm("/roles", "coach", p.slack.URL+"/respond")
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, p.base+"/slack/events", strings.NewReader(body))
		req.Header.Set("Content-Type", form)
		ts, sig := bot.Sign(testSecret, time.Now(), []byte(body))
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatal(fmt.Sprint("status ", resp.StatusCode))
		}
	}
}
