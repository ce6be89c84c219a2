package url

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	nurl "net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/briefpack/briefpack/sources"
)

// Limits and defaults of the fetcher.
const (
	DefaultTimeout = 30 * time.Second // per attempt, connection to last byte
	ConnectTimeout = 10 * time.Second // TCP connect (and TLS handshake)
	MaxRedirects   = 5
	MaxTries       = 3 // first attempt plus two retries on 429 and 5xx
)

// Errors of the fetcher (wrapped with details).
var (
	ErrScheme         = errors.New("only http and https URLs are supported")
	ErrPrivateAddress = errors.New("refusing to connect to a private, loopback or link-local address (allow it with --allow-private)")
	ErrRedirects      = errors.New("too many redirects")
	ErrStatus         = errors.New("unexpected HTTP status")
)

// Backoff is the wait before the first retry when the server gives no
// Retry-After; it doubles for the next. MaxRetryAfter caps how long a
// Retry-After header can make the fetcher wait. Tests shorten both.
var (
	Backoff       = time.Second
	MaxRetryAfter = 30 * time.Second
)

// UserAgent returns the User-Agent briefpack sends: "briefpack/<version>
// (+https://github.com/briefpack/briefpack)". An empty version is taken
// from the build information ("dev" when unknown).
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			version = strings.TrimPrefix(bi.Main.Version, "v")
		}
	}
	return "briefpack/" + version + " (+https://github.com/briefpack/briefpack)"
}

// Response is a fetched resource.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	ContentType  string
	Body         []byte // decompressed
	NotModified  bool   // 304 to a conditional request; Body is empty
	ETag         string
	LastModified string
}

// Fetch GETs rawURL with briefpack's safeguards: http and https only,
// private addresses refused unless opts.AllowPrivate (checked on the
// resolved IP at dial time, so DNS rebinding cannot bypass it, and again
// for every redirect), at most MaxRedirects redirects, a connect timeout
// and a per-attempt timeout (opts.Timeout, default 30 s), a size cap
// (opts.MaxBytes, default sources.DefaultMaxBytes) on the decompressed
// body, gzip, up to MaxTries attempts on 429 and 5xx with Retry-After
// respected (capped) or exponential backoff, and conditional headers from
// opts.Conditional. It does not call Conditional.Remember; the caller does
// once the content was used.
func Fetch(ctx context.Context, rawURL string, opts sources.Options) (*Response, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	client := opts.HTTPClient
	if client == nil {
		client = hardenedClient(opts.AllowPrivate)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxBytes := opts.MaxBytes
	if maxBytes <= 0 {
		maxBytes = sources.DefaultMaxBytes
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = UserAgent("")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var etag, lastMod string
	if opts.Conditional != nil {
		etag, lastMod = opts.Conditional.Validators(rawURL)
	}

	for try := 1; ; try++ {
		res, retryAfter, err := attempt(ctx, client, u.String(), ua, etag, lastMod, timeout, maxBytes)
		if err == nil {
			if res.NotModified {
				log.Info("not modified since the last run", "url", rawURL)
			}
			return res, nil
		}
		if retryAfter < 0 || try >= MaxTries {
			return nil, err
		}
		wait := retryAfter
		if wait == 0 {
			wait = Backoff * time.Duration(math.Pow(2, float64(try-1)))
		}
		log.Info("retrying", "url", rawURL, "try", try+1, "wait", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// attempt makes one request. retryAfter is -1 when the failure is not
// worth retrying, 0 to use the backoff, or the server's Retry-After.
func attempt(ctx context.Context, client *http.Client, target, ua, etag, lastMod string, timeout time.Duration, maxBytes int64) (res *Response, retryAfter time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, -1, err
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *nurl.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named by the caller's sources.Error
		}
		var ae *addrError
		if errors.As(err, &ae) {
			err = ae // without the "dial tcp ...:" wrapping
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("timed out after %v", timeout)
		}
		return nil, -1, err
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: final, Status: resp.StatusCode, NotModified: true,
			ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, parseRetryAfter(resp.Header.Get("Retry-After")), fmt.Errorf("%w: %s", ErrStatus, resp.Status)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, -1, fmt.Errorf("%w: %s", ErrStatus, resp.Status)
	}
	if resp.ContentLength > maxBytes {
		return nil, -1, fmt.Errorf("%w: %d bytes announced, the limit is %d bytes", sources.ErrTooLarge, resp.ContentLength, maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			err = fmt.Errorf("timed out after %v while reading the body", timeout)
		}
		return nil, -1, err
	}
	if int64(len(body)) > maxBytes {
		return nil, -1, fmt.Errorf("%w: more than %d bytes (the limit)", sources.ErrTooLarge, maxBytes)
	}
	return &Response{URL: final, Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, 0, nil
}

// parseRetryAfter reads a Retry-After value (seconds or an HTTP date),
// capped at MaxRetryAfter; 0 when absent or unreadable.
func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.Atoi(v); err == nil {
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	if d < 0 {
		d = 0
	}
	if d > MaxRetryAfter {
		d = MaxRetryAfter
	}
	return d
}

// checkURL parses rawURL and accepts only absolute http and https URLs
// with a host.
func checkURL(rawURL string) (*nurl.URL, error) {
	u, err := nurl.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, fmt.Errorf("%w (got %q)", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad URL: no host")
	}
	return u, nil
}

var (
	clientsMu sync.Mutex
	clients   = map[bool]*http.Client{}
)

// hardenedClient returns the shared client for allowPrivate.
func hardenedClient(allowPrivate bool) *http.Client {
	clientsMu.Lock()
	defer clientsMu.Unlock()
	if c := clients[allowPrivate]; c != nil {
		return c
	}
	c := NewClient(allowPrivate)
	clients[allowPrivate] = c
	return c
}

// NewClient builds briefpack's HTTP client: no proxy, a dialer that refuses
// private, loopback and link-local addresses unless allowPrivate (checked
// on the resolved address of every connection), ConnectTimeout, and a
// redirect policy of at most MaxRedirects hops to http or https URLs.
func NewClient(allowPrivate bool) *http.Client {
	if allowPrivate {
		return newClient(nil)
	}
	return newClient(func(ap netip.AddrPort) bool { return public(ap.Addr()) })
}

// newClient builds the client with an address policy (nil allows every
// address).
func newClient(allowed func(netip.AddrPort) bool) *http.Client {
	d := &net.Dialer{Timeout: ConnectTimeout, KeepAlive: 30 * time.Second}
	if allowed != nil {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
			}
			if !allowed(ap) {
				return &addrError{ap.Addr().String()}
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would hide the address check
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   ConnectTimeout,
		ResponseHeaderTimeout: DefaultTimeout,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("%w: stopped after %d", ErrRedirects, MaxRedirects)
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
			}
			// A literal address is refused here, with the redirect named;
			// host names are checked when dialled.
			if allowed != nil {
				if ip, err := netip.ParseAddr(req.URL.Hostname()); err == nil {
					port := req.URL.Port()
					if port == "" {
						port = map[string]string{"http": "80", "https": "443"}[req.URL.Scheme]
					}
					p, _ := strconv.Atoi(port)
					if !allowed(netip.AddrPortFrom(ip, uint16(p))) {
						return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrPrivateAddress)
					}
				}
			}
			return nil
		},
	}
}

// addrError is a refused address; it matches ErrPrivateAddress.
type addrError struct{ addr string }

func (e *addrError) Error() string        { return e.addr + ": " + ErrPrivateAddress.Error() }
func (e *addrError) Is(target error) bool { return target == ErrPrivateAddress }

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved
	netip.MustParsePrefix("64:ff9b::/96"),  // NAT64, may map to private IPv4
}

// public reports whether ip is a globally routable unicast address.
func public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}
