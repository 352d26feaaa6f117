//! Which addresses may be fetched, and the resolver that enforces it.
//!
//! The check sits in the HTTP client's resolver: the client connects only to
//! the addresses this resolver returns, so the address checked is the address
//! used, with no second DNS lookup in between (no DNS-rebinding window).

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ureq::config::Config as UreqConfig;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Whether `ip` is a globally routed unicast address, the only kind a feed
/// may make us connect to by default.
///
/// Refused: unspecified, "this network" (0/8), private (10/8, 172.16/12,
/// 192.168/16), CGNAT (100.64/10), loopback, link-local, IETF protocol and
/// documentation ranges, benchmarking (198.18/15), the 6to4 relay anycast,
/// multicast, reserved (240/4) and broadcast; for IPv6 everything outside
/// global unicast 2000::/3 (so ::, ::1, fc00::/7, fe80::/10, ff00::/8, …)
/// plus 2001::/23, 2001:db8::/32 and 3fff::/20. IPv6 forms that embed an
/// IPv4 address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged
/// by that IPv4 address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let special = a == 0 // "this network", includes 0.0.0.0
        || a == 10
        || (a == 100 && (b & 0xc0) == 64) // CGNAT 100.64.0.0/10
        || a == 127
        || (a == 169 && b == 254) // link-local
        || (a == 172 && (b & 0xf0) == 16) // 172.16.0.0/12
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // TEST-NET-1
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 192 && b == 168)
        || (a == 198 && (b & 0xfe) == 18) // benchmarking 198.18.0.0/15
        || (a == 198 && b == 51 && c == 100) // TEST-NET-2
        || (a == 203 && b == 0 && c == 113) // TEST-NET-3
        || a >= 224; // multicast 224/4, reserved 240/4, broadcast
    !special
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| {
        let [a, b] = hi.to_be_bytes();
        let [c, d] = lo.to_be_bytes();
        Ipv4Addr::new(a, b, c, d)
    };
    // NAT64 well-known prefix: the packet goes to the embedded IPv4 address.
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_public_v4(embedded(s[6], s[7]));
    }
    // 6to4: likewise.
    if s[0] == 0x2002 {
        return is_public_v4(embedded(s[1], s[2]));
    }
    // Only global unicast is routed on the internet; this refuses ::, ::1,
    // IPv4-compatible ::/96, 64:ff9b:1::/48, discard 100::/64, unique-local
    // fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8.
    if s[0] & 0xe000 != 0x2000 {
        return false;
    }
    // IETF protocol assignments 2001::/23 (Teredo, benchmarking, ORCHID),
    // documentation 2001:db8::/32 and 3fff::/20.
    let special = (s[0] == 0x2001 && (s[1] < 0x0200 || s[1] == 0x0db8)) || (s[0] == 0x3fff && s[1] < 0x1000);
    !special
}

/// Which addresses one [`crate::Fetcher`] may connect to.
#[derive(Debug, Clone)]
pub(crate) struct AddrPolicy {
    pub(crate) allow_private: bool,
    pub(crate) allow_addrs: Vec<IpAddr>,
}

impl AddrPolicy {
    fn permits(&self, ip: IpAddr) -> bool {
        // ::ffff:a.b.c.d and a.b.c.d are one address for the allow-list.
        let ip = ip.to_canonical();
        self.allow_private || is_public(ip) || self.allow_addrs.iter().any(|a| a.to_canonical() == ip)
    }
}

/// The payload of the I/O error the resolver fails with when every address
/// of a host is refused; the fetcher finds it again to report
/// [`crate::WatchError::BlockedAddress`].
#[derive(Debug)]
pub(crate) struct Blocked(pub(crate) IpAddr);

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "address {} is not public", self.0)
    }
}

impl std::error::Error for Blocked {}

/// ureq's own resolver, with the refused addresses taken out of its answer.
#[derive(Debug)]
pub(crate) struct VettingResolver {
    policy: AddrPolicy,
    inner: DefaultResolver,
}

impl VettingResolver {
    pub(crate) fn new(policy: AddrPolicy) -> Self {
        VettingResolver {
            policy,
            inner: DefaultResolver::default(),
        }
    }
}

impl Resolver for VettingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &UreqConfig,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.inner.resolve(uri, config, timeout)?;
        let mut kept = self.empty();
        let mut refused = None;
        for addr in resolved.iter() {
            if self.policy.permits(addr.ip()) {
                kept.push(*addr);
            } else {
                refused.get_or_insert(addr.ip());
            }
        }
        // A host with some public and some private addresses keeps the
        // public ones: we only ever connect to what is in `kept`.
        match refused {
            Some(ip) if kept.is_empty() => Err(ureq::Error::Io(io::Error::new(
                io::ErrorKind::PermissionDenied,
                Blocked(ip),
            ))),
            _ => Ok(kept),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public(s.parse().unwrap())
    }

    #[test]
    fn public_addresses_pass() {
        for ip in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "100.63.255.255",
            "100.128.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.1",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "2606:4700:4700::1111",
            "2001:4860:4860::8888",
            "2a00:1450:4001::1",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:0808:0808::1",
        ] {
            assert!(public(ip), "{ip} should be public");
        }
    }

    #[test]
    fn non_public_addresses_refused() {
        for ip in [
            // IPv4
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.127.255.255",
            "127.0.0.1",
            "127.255.0.1",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            // IPv6
            "::",
            "::1",
            "::127.0.0.1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:192.168.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
            "64:ff9b::a00:1",
            "64:ff9b:1::1",
            "100::1",
            "2001::1",
            "2001:db8::1",
            "2002:7f00:1::1",
            "2002:c0a8:0101::1",
            "3fff::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "ff0e::1",
        ] {
            assert!(!public(ip), "{ip} should be refused");
        }
    }

    #[test]
    fn policy_allow_list_and_switch() {
        let strict = AddrPolicy {
            allow_private: false,
            allow_addrs: vec!["127.0.0.1".parse().unwrap()],
        };
        assert!(strict.permits("127.0.0.1".parse().unwrap()));
        assert!(strict.permits("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!strict.permits("127.0.0.2".parse().unwrap()));
        assert!(!strict.permits("::1".parse().unwrap()));
        assert!(strict.permits("8.8.8.8".parse().unwrap()));
        let open = AddrPolicy {
            allow_private: true,
            allow_addrs: Vec::new(),
        };
        assert!(open.permits("10.1.2.3".parse().unwrap()));
    }
}
