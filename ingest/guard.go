package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// AddressPolicy says whether an untrusted request (Request.Untrusted) may
// connect to an address and port: nil if it may, else why not.
// HTTPFetcher asks it after resolving the host, on every redirect and
// again when connecting, so a name that resolves differently the second
// time (DNS rebinding) is caught too.
type AddressPolicy func(netip.AddrPort) error

// ErrAddressNotAllowed is wrapped by the errors of PublicOnly.
var ErrAddressNotAllowed = errors.New("address not allowed")

// PublicOnly is the default AddressPolicy: public unicast addresses, on
// the standard ports 80 and 443. Loopback, private, link-local,
// unique-local, shared (CGNAT), multicast, unspecified, documentation and
// reserved ranges are refused, in IPv4, IPv6 and IPv4-mapped IPv6; IPv6 is
// allowed only in the global unicast block 2000::/3, outside the ranges
// that embed or tunnel IPv4 (6to4, Teredo). Other ports are refused so
// that annals cannot be used to probe other services of public hosts.
func PublicOnly(ap netip.AddrPort) error {
	if !PublicAddress(ap.Addr()) {
		return fmt.Errorf("%s: %w: not a public address", ap.Addr(), ErrAddressNotAllowed)
	}
	if p := ap.Port(); p != 80 && p != 443 {
		return fmt.Errorf("%s: %w: port %d (only 80 and 443)", ap, ErrAddressNotAllowed, p)
	}
	return nil
}

// AnyAddress is the AddressPolicy that allows every address and port
// (annals serve --allow-private-urls).
func AnyAddress(netip.AddrPort) error { return nil }

// nonPublic are the IPv4 ranges that no public server uses (IANA special
// purpose registry), and the IPv6 ranges inside 2000::/3 that are not
// plain global unicast.
var nonPublic = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network", unspecified
		"10.0.0.0/8",      // private
		"100.64.0.0/10",   // shared address space (CGNAT)
		"127.0.0.0/8",     // loopback
		"169.254.0.0/16",  // link-local (cloud metadata services)
		"172.16.0.0/12",   // private
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // documentation
		"192.88.99.0/24",  // 6to4 relay anycast
		"192.168.0.0/16",  // private
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // documentation
		"203.0.113.0/24",  // documentation
		"224.0.0.0/4",     // multicast
		"240.0.0.0/4",     // reserved, broadcast
		"2001::/23",       // IETF protocol assignments, Teredo
		"2001:db8::/32",   // documentation
		"2002::/16",       // 6to4: embeds any IPv4 address
		"3fff::/20",       // documentation
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

var globalUnicast6 = netip.MustParsePrefix("2000::/3")

// PublicAddress reports whether a is a public unicast address: one a
// server on the internet may have. An IPv4-mapped IPv6 address is judged
// as the IPv4 address it maps.
func PublicAddress(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.Zone() != "" {
		return false
	}
	if a.Is6() && !globalUnicast6.Contains(a) {
		return false // loopback, unspecified, link-local, unique-local, multicast, NAT64, IPv4-compatible...
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// checkURL checks an untrusted request's URL against allow before it is
// requested (and before each redirect is followed): its scheme, and every
// address its host resolves to at its port.
func checkURL(ctx context.Context, u *url.URL, allow AddressPolicy) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q (only http and https)", ErrAddressNotAllowed, u.Scheme)
	}
	port := 80
	if u.Scheme == "https" {
		port = 443
	}
	if p := u.Port(); p != "" {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			return fmt.Errorf("port %q: %w", p, err)
		}
		port = int(n)
	}
	host := u.Hostname()
	addrs := []netip.Addr{}
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = append(addrs, a)
	} else {
		if addrs, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host); err != nil {
			return err
		}
	}
	for _, a := range addrs {
		if err := allow(netip.AddrPortFrom(a.Unmap(), uint16(port))); err != nil {
			return fmt.Errorf("%s: %w", host, err)
		}
	}
	return nil
}

// guardedClient returns the client of untrusted requests: it checks every
// redirect's URL, and its dialer checks the address it connects to, the
// one that counts. It uses no proxy: a proxy would resolve and connect
// where the check cannot see.
func guardedClient(allow AddressPolicy) *http.Client {
	dialer := &net.Dialer{
		Timeout:   30 * time.Second,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s: %v", ErrAddressNotAllowed, address, err)
			}
			return allow(netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port()))
		},
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	tr.DialContext = dialer.DialContext
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return errors.New("stopped after 10 redirects")
			}
			return checkURL(req.Context(), req.URL, allow)
		},
	}
}
