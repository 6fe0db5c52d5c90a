package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPublicAddress(t *testing.T) {
	for _, c := range []struct {
		addr   string
		public bool
	}{
		{"8.8.8.8", true},
		{"93.184.215.14", true},
		{"172.32.0.1", true},     // just past 172.16/12
		{"100.128.0.1", true},    // just past 100.64/10
		{"::ffff:8.8.8.8", true}, // IPv4-mapped public
		{"2606:4700:4700::1111", true},
		{"2a00:1450:4001::1", true},

		{"127.0.0.1", false},
		{"127.9.8.7", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.254", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},      // CGNAT
		{"100.127.255.254", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"255.255.255.255", false},
		{"240.0.0.1", false},
		{"192.0.2.1", false},
		{"198.18.0.1", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"ff02::1", false},
		{"ff05::2", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"::ffff:169.254.169.254", false},
		{"::127.0.0.1", false},         // IPv4-compatible
		{"64:ff9b::7f00:1", false},     // NAT64 of 127.0.0.1
		{"2002:7f00:1::1", false},      // 6to4 of 127.0.0.1
		{"2001:0:4136:e378::1", false}, // Teredo
		{"2001:db8::1", false},
	} {
		a := netip.MustParseAddr(c.addr)
		if got := PublicAddress(a); got != c.public {
			t.Errorf("PublicAddress(%s) = %v, want %v", c.addr, got, c.public)
		}
	}
	for _, c := range []struct {
		ap string
		ok bool
	}{
		{"8.8.8.8:80", true},
		{"8.8.8.8:443", true},
		{"8.8.8.8:22", false},
		{"8.8.8.8:8080", false},
		{"127.0.0.1:80", false},
	} {
		if err := PublicOnly(netip.MustParseAddrPort(c.ap)); (err == nil) != c.ok || (err != nil && !errors.Is(err, ErrAddressNotAllowed)) {
			t.Errorf("PublicOnly(%s) = %v, want allowed %v", c.ap, err, c.ok)
		}
	}
}

// counted is a loopback test server that counts the requests it gets;
// newCounted returns nil when the machine has no IPv6 loopback.
type counted struct {
	*httptest.Server
	hits atomic.Int64
}

func newCounted(t *testing.T, network, addr string, h http.HandlerFunc) *counted {
	t.Helper()
	l, err := net.Listen(network, addr)
	if err != nil && network == "tcp6" {
		t.Logf("no IPv6 loopback: %v", err)
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	c := &counted{}
	c.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits.Add(1)
		h(w, r)
	}))
	c.Listener.Close()
	c.Listener = l
	c.Start()
	t.Cleanup(c.Close)
	return c
}

func page(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprint(w, "<html><body><article><p>Secret internal page.</p></article></body></html>")
}

func addrPort(s *httptest.Server) netip.AddrPort {
	return netip.MustParseAddrPort(s.Listener.Addr().String())
}

// TestUntrustedFetchRefusesPrivate fetches loopback servers as untrusted
// requests: by address, by name, as IPv4-mapped IPv6, and by a redirect
// from a server the policy treats as public. None may be reached; the
// same URLs fetched as trusted (typed by the operator) are.
func TestUntrustedFetchRefusesPrivate(t *testing.T) {
	v4 := newCounted(t, "tcp4", "127.0.0.1:0", page)
	port := addrPort(v4.Server).Port()
	// The "public" server: the policy below lets it through, as if it had
	// a public address, and it redirects to the loopback one.
	pub := newCounted(t, "tcp4", "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	pubAP := addrPort(pub.Server)
	f := &HTTPFetcher{Timeout: 5 * time.Second, Allow: func(ap netip.AddrPort) error {
		if ap == pubAP {
			return nil
		}
		return PublicOnly(ap)
	}}
	urls := []string{
		v4.URL + "/",
		fmt.Sprintf("http://localhost:%d/", port),
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port),
		pub.URL + "/?to=" + v4.URL + "/",
		pub.URL + "/?to=" + fmt.Sprintf("http://localhost:%d/", port),
	}
	if v6 := newCounted(t, "tcp6", "[::1]:0", page); v6 != nil {
		urls = append(urls, v6.URL+"/", pub.URL+"/?to="+v6.URL+"/")
		t.Cleanup(func() {
			if n := v6.hits.Load(); n != 0 {
				t.Errorf("the [::1] server got %d requests", n)
			}
		})
	}
	for _, u := range urls {
		_, err := f.Fetch(context.Background(), Request{URL: u, Untrusted: true})
		if !errors.Is(err, ErrAddressNotAllowed) {
			t.Errorf("untrusted %s: %v, want ErrAddressNotAllowed", u, err)
		}
	}
	if n := v4.hits.Load(); n != 0 {
		t.Errorf("the loopback server got %d requests", n)
	}
	if pub.hits.Load() == 0 {
		t.Error("the public server was never asked: the redirect cases tested nothing")
	}
	// The operator's own URLs are theirs to choose.
	if r, err := f.Fetch(context.Background(), Request{URL: pub.URL + "/?to=" + v4.URL + "/"}); err != nil || !strings.Contains(string(r.Body), "Secret") {
		t.Errorf("trusted fetch: %v", err)
	}
	// Allowed with AnyAddress (--allow-private-urls).
	open := &HTTPFetcher{Timeout: 5 * time.Second, Allow: AnyAddress}
	if _, err := open.Fetch(context.Background(), Request{URL: pub.URL + "/?to=" + v4.URL + "/", Untrusted: true}); err != nil {
		t.Errorf("untrusted with AnyAddress: %v", err)
	}
}

// TestUntrustedFetchChecksAtConnect gives a policy that allows an address
// when the URL is checked and refuses it from then on, as a name that
// resolves to a public address first and to loopback when the connection
// is made (DNS rebinding): the connection must not be made.
func TestUntrustedFetchChecksAtConnect(t *testing.T) {
	srv := newCounted(t, "tcp4", "127.0.0.1:0", page)
	var calls atomic.Int64
	f := &HTTPFetcher{Timeout: 5 * time.Second, Allow: func(ap netip.AddrPort) error {
		if calls.Add(1) == 1 {
			return nil
		}
		return PublicOnly(ap)
	}}
	_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/", Untrusted: true})
	if !errors.Is(err, ErrAddressNotAllowed) || calls.Load() < 2 {
		t.Errorf("fetch: %v after %d checks, want ErrAddressNotAllowed at connect", err, calls.Load())
	}
	if n := srv.hits.Load(); n != 0 {
		t.Errorf("the server got %d requests", n)
	}
}

// TestFeedLinksUntrusted reads a feed (a trusted input) whose item links
// to a loopback page: with FetchArticles the link is not followed, and
// the item keeps the feed's text.
func TestFeedLinksUntrusted(t *testing.T) {
	srv := newCounted(t, "tcp4", "127.0.0.1:0", page)
	feed := `<rss version="2.0"><channel><title>L</title><item><title>x</title><link>` + srv.URL + `/art</link><description>Feed text.</description></item></channel></rss>`
	var warns []string
	opts := Options{Fetcher: &HTTPFetcher{Timeout: 5 * time.Second}, FetchArticles: true, Stdin: strings.NewReader(feed),
		Warn: func(in, msg string) { warns = append(warns, msg) }}
	var texts []string
	for it := range Open(context.Background(), []string{"-"}, opts) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		texts = append(texts, it.Doc.Text)
	}
	if strings.Join(texts, "|") != "Feed text." || len(warns) != 1 || !strings.Contains(warns[0], "not allowed") {
		t.Errorf("texts %q, warnings %q", texts, warns)
	}
	if n := srv.hits.Load(); n != 0 {
		t.Errorf("the linked loopback page got %d requests", n)
	}
}

// TestUntrustedInputs fetches URL inputs as untrusted when the options
// say so (the API's posted URLs), and as the operator's otherwise.
func TestUntrustedInputs(t *testing.T) {
	srv := newCounted(t, "tcp4", "127.0.0.1:0", page)
	for _, untrusted := range []bool{false, true} {
		opts := Options{Fetcher: &HTTPFetcher{Timeout: 5 * time.Second}, UntrustedInputs: untrusted}
		for it := range Open(context.Background(), []string{srv.URL + "/"}, opts) {
			if refused := errors.Is(it.Err, ErrAddressNotAllowed); refused != untrusted {
				t.Errorf("UntrustedInputs %v: %v", untrusted, it.Err)
			}
		}
	}
	if n := srv.hits.Load(); n != 1 {
		t.Errorf("the server got %d requests, want 1 (the trusted one)", n)
	}
}
