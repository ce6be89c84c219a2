package url

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/html" // html format, for the page tests
)

const page = `<!DOCTYPE html><html lang="en"><head><title>Test page</title></head><body><article>
<h1>Test page</h1><p>This is the article text of a test page. It has enough words to be kept as the main content by the extractor,
and a second sentence for good measure, about Japan and Central Asia and the summit that was planned in Astana.</p>
<p>Another paragraph follows with more words so that the extractor is sure that this is an article and not a list of links.</p>
</article></body></html>`

func allow() sources.Options { return sources.Options{AllowPrivate: true} }

func collect(t *testing.T, src sources.Source) ([]pipeline.Article, error) {
	t.Helper()
	var got []pipeline.Article
	err := src.Articles(context.Background(), func(a pipeline.Article) error { got = append(got, a); return nil })
	return got, err
}

func TestLocate(t *testing.T) {
	tests := []struct {
		in      string
		claimed bool
		err     error
	}{
		{"https://example.com/a", true, nil},
		{"HTTP://example.com/a", true, nil},
		{"ftp://example.com/file.txt", true, ErrScheme},
		{"file:///etc/passwd", true, ErrScheme},
		{"notes.txt", false, nil},
		{"C:\\docs\\a.html", false, nil},
		{"-", false, nil},
	}
	for _, tt := range tests {
		srcs, errs, ok := Locate(context.Background(), tt.in, sources.Options{})
		if ok != tt.claimed {
			t.Errorf("Locate(%q) claimed = %v, want %v", tt.in, ok, tt.claimed)
			continue
		}
		if tt.err != nil {
			if len(errs) != 1 || !errors.Is(errs[0], tt.err) || !strings.Contains(errs[0].Error(), tt.in) {
				t.Errorf("Locate(%q) errs = %v, want %v naming the input", tt.in, errs, tt.err)
			}
			continue
		}
		if ok && (len(srcs) != 1 || srcs[0].Input() != tt.in) {
			t.Errorf("Locate(%q) = %v", tt.in, srcs)
		}
	}
}

func TestRefusesLoopbackByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	_, err := Fetch(context.Background(), srv.URL, sources.Options{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("err = %v, want ErrPrivateAddress", err)
	}
	if hits.Load() != 0 {
		t.Errorf("the server was reached %d times", hits.Load())
	}
	// localhost by name resolves to loopback and is refused too (the check
	// runs on the resolved address).
	_, err = Fetch(context.Background(), strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), sources.Options{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("localhost: err = %v, want ErrPrivateAddress", err)
	}
	if _, err := Fetch(context.Background(), srv.URL, allow()); err != nil {
		t.Fatalf("with AllowPrivate: %v", err)
	}
}

func TestPublic(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "93.184.216.34": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false, "169.254.169.254": false,
		"0.0.0.0": false, "100.64.0.1": false, "::1": false, "fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false,
		"224.0.0.1": false, "::": false,
	}
	for s, want := range tests {
		if got := public(netip.MustParseAddr(s)); got != want {
			t.Errorf("public(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestSourceHTMLLatin1(t *testing.T) {
	latin1 := "<!DOCTYPE html><html><head><title>Caf\xe9s</title></head><body><article><h1>Caf\xe9s</h1><p>The caf\xe9s of Almaty serve cr\xe8me br\xfbl\xe9e to students who talk about politics, prices and the summit with Japan late into the night.</p><p>Their owners say business has doubled since tourists came back, and they plan to open more places.</p></article></body></html>"
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		fmt.Fprint(w, latin1)
	}))
	defer srv.Close()
	srcs, errs, ok := Locate(context.Background(), srv.URL+"/cafes", allow())
	if !ok || len(errs) > 0 {
		t.Fatalf("locate: %v %v", ok, errs)
	}
	got, err := collect(t, srcs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d articles", len(got))
	}
	a := got[0]
	if !strings.Contains(a.Text, "cafés") || !strings.Contains(a.Text, "crème brûlée") || a.Title != "Cafés" {
		t.Errorf("charset not applied: title %q text %q", a.Title, a.Text)
	}
	if a.Source != srv.URL+"/cafes" || a.URL != srv.URL+"/cafes" || a.SourceKind != "html" {
		t.Errorf("source %q url %q kind %q", a.Source, a.URL, a.SourceKind)
	}
	if !strings.HasPrefix(ua, "briefpack/") || !strings.Contains(ua, "+https://github.com/briefpack/briefpack") {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestPlainTextCharset(t *testing.T) {
	in := &sources.Input{Data: []byte("\xcf\xf0\xe8\xe2\xe5\xf2"), ContentType: "text/plain; charset=windows-1251"}
	ToUTF8(in)
	if string(in.Data) != "Привет" || in.ContentType != "text/plain; charset=utf-8" {
		t.Errorf("got %q %q", in.Data, in.ContentType)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	opts := allow()
	opts.Timeout = 150 * time.Millisecond
	start := time.Now()
	_, err := Fetch(context.Background(), srv.URL, opts)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestSizeCap(t *testing.T) {
	body := strings.Repeat("a", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length
		} else {
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		}
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	opts := allow()
	opts.MaxBytes = 1000
	for _, path := range []string{"/announced", "/chunked"} {
		_, err := Fetch(context.Background(), srv.URL+path, opts)
		if !errors.Is(err, sources.ErrTooLarge) || !strings.Contains(err.Error(), "1000 bytes") ||
			path == "/announced" && !strings.Contains(err.Error(), "5000 bytes") {
			t.Errorf("%s: err = %v, want ErrTooLarge naming the limit", path, err)
		}
	}
	opts.MaxBytes = 5000
	if res, err := Fetch(context.Background(), srv.URL+"/chunked", opts); err != nil || len(res.Body) != 5000 {
		t.Errorf("at the limit: %v", err)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, "done")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/secret", http.StatusFound)
	})
	mux.HandleFunc("/to-other-port", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "private") }))
	defer other.Close()

	res, err := Fetch(context.Background(), srv.URL+"/r/5", allow())
	if err != nil || string(res.Body) != "done" || !strings.HasSuffix(res.URL, "/r/0") {
		t.Fatalf("5 redirects: %v %+v", err, res)
	}
	if _, err := Fetch(context.Background(), srv.URL+"/r/6", allow()); !errors.Is(err, ErrRedirects) {
		t.Errorf("6 redirects: err = %v, want ErrRedirects", err)
	}
	if _, err := Fetch(context.Background(), srv.URL+"/to-ftp", allow()); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: err = %v, want ErrScheme", err)
	}

	// A client that may reach only the test server: a redirect to any
	// other address is refused, whether a literal private IP (checked in
	// the redirect policy) or another local port (checked at dial time).
	srvAddr := netip.MustParseAddrPort(strings.TrimPrefix(srv.URL, "http://"))
	opts := sources.Options{HTTPClient: newClient(func(ap netip.AddrPort) bool { return ap == srvAddr || public(ap.Addr()) })}
	if res, err := Fetch(context.Background(), srv.URL+"/r/1", opts); err != nil || string(res.Body) != "done" {
		t.Fatalf("allowed server: %v", err)
	}
	if _, err := Fetch(context.Background(), srv.URL+"/to-private", opts); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("redirect to 10.0.0.1: err = %v, want ErrPrivateAddress", err)
	}
	if _, err := Fetch(context.Background(), srv.URL+"/to-other-port?to="+other.URL, opts); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("redirect to another loopback port: err = %v, want ErrPrivateAddress", err)
	}
}

func TestGzip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", http.StatusBadRequest)
			return
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		fmt.Fprint(zw, page)
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	res, err := Fetch(context.Background(), srv.URL, allow())
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != page {
		t.Errorf("body not decompressed: %.60q", res.Body)
	}
}

func TestRetry(t *testing.T) {
	defer func(b, m time.Duration) { Backoff, MaxRetryAfter = b, m }(Backoff, MaxRetryAfter)
	Backoff, MaxRetryAfter = time.Millisecond, 50*time.Millisecond

	var tries atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/429":
			if tries.Add(1) == 1 {
				w.Header().Set("Retry-After", "3600") // capped at MaxRetryAfter
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "ok")
		case "/503":
			tries.Add(1)
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/404":
			tries.Add(1)
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	start := time.Now()
	res, err := Fetch(context.Background(), srv.URL+"/429", allow())
	if err != nil || string(res.Body) != "ok" || tries.Load() != 2 {
		t.Fatalf("429 then 200: %v, %d tries", err, tries.Load())
	}
	if d := time.Since(start); d < 50*time.Millisecond || d > 5*time.Second {
		t.Errorf("Retry-After wait %v, want the 50ms cap", d)
	}
	tries.Store(0)
	if _, err := Fetch(context.Background(), srv.URL+"/503", allow()); !errors.Is(err, ErrStatus) || tries.Load() != MaxTries {
		t.Errorf("503: err %v after %d tries, want %d tries", err, tries.Load(), MaxTries)
	}
	tries.Store(0)
	if _, err := Fetch(context.Background(), srv.URL+"/404", allow()); !errors.Is(err, ErrStatus) || !strings.Contains(err.Error(), "404") || tries.Load() != 1 {
		t.Errorf("404: err %v after %d tries, want no retry", err, tries.Load())
	}
}

type memStore struct {
	mu   sync.Mutex
	etag map[string]string
	lm   map[string]string
}

func (m *memStore) Validators(u string) (string, string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.etag[u], m.lm[u]
}

func (m *memStore) Remember(u, etag, lm string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.etag[u], m.lm[u] = etag, lm
}

func TestConditional(t *testing.T) {
	var full atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Fri, 09 Aug 2024 10:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Fri, 09 Aug 2024 10:00:00 GMT")
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	store := &memStore{etag: map[string]string{}, lm: map[string]string{}}
	opts := allow()
	opts.Conditional = store
	src := &Source{URL: srv.URL, Opts: opts}
	got, err := collect(t, src)
	if err != nil || len(got) != 1 {
		t.Fatalf("first run: %v, %d articles", err, len(got))
	}
	if e, _ := store.Validators(srv.URL); e != `"v1"` {
		t.Fatalf("validators not remembered: %q", e)
	}
	got, err = collect(t, src)
	if err != nil || len(got) != 0 {
		t.Fatalf("second run: %v, %d articles; want 304 -> none, no error", err, len(got))
	}
	if full.Load() != 1 {
		t.Errorf("server sent the full page %d times", full.Load())
	}
}

func TestUnsupportedContent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
	}))
	defer srv.Close()
	_, err := collect(t, &Source{URL: srv.URL, Opts: allow()})
	if !errors.Is(err, sources.ErrUnsupported) || !strings.Contains(err.Error(), "PDF") {
		t.Errorf("err = %v, want unsupported format: PDF", err)
	}
}
