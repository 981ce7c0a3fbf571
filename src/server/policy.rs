//! Who may talk to the server, as pure functions of request headers: the
//! Host rule that stops DNS rebinding, the Origin rule that stops other web
//! pages, and the Content-Type rule that stops "simple" cross-site POSTs
//! (which a browser sends without asking the server first).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The host part of a `Host` header (or of an allowed-hosts entry), with
/// the port dropped: an IP literal, or a name in lower case without a
/// trailing dot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostName {
    Ip(IpAddr),
    Name(String),
}

/// Parses `host[:port]`, `[v6][:port]`, `host.` Anything else (a bare
/// IPv6 address, a port that is not a number, an empty name, characters a
/// host name cannot hold) is `None`.
pub fn parse_host(text: &str) -> Option<HostName> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !is_port_suffix(after) {
            return None;
        }
        let ip: Ipv6Addr = inside.parse().ok()?;
        return Some(HostName::Ip(IpAddr::V6(ip)));
    }
    let name = match text.split_once(':') {
        Some((name, port)) if is_port_suffix(&format!(":{port}")) => name,
        Some(_) => return None,
        None => text,
    };
    // One trailing dot names the same host, for addresses and names alike.
    let name = name.strip_suffix('.').unwrap_or(name);
    let valid = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_';
    if name.is_empty() || !name.chars().all(valid) || name.contains("..") {
        return None;
    }
    match name.parse::<Ipv4Addr>() {
        Ok(ip) => Some(HostName::Ip(IpAddr::V4(ip))),
        Err(_) => Some(HostName::Name(name.to_ascii_lowercase())),
    }
}

fn is_port_suffix(text: &str) -> bool {
    match text.strip_prefix(':') {
        None => text.is_empty(),
        Some(port) => {
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
        }
    }
}

/// One `server.allowed_hosts` entry: a host, or `.example.com` for that
/// domain and every name under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowedHost {
    Exactly(HostName),
    Domain(String),
}

impl AllowedHost {
    /// Parses an entry; `None` when it is not a host name or address.
    pub fn parse(entry: &str) -> Option<Self> {
        match entry.trim().strip_prefix('.') {
            Some(domain) => match parse_host(domain)? {
                HostName::Name(name) => Some(Self::Domain(name)),
                HostName::Ip(_) => None,
            },
            None => parse_host(entry).map(Self::Exactly),
        }
    }

    fn matches(&self, host: &HostName) -> bool {
        match (self, host) {
            (Self::Exactly(allowed), host) => allowed == host,
            (Self::Domain(domain), HostName::Name(name)) => {
                name == domain
                    || name
                        .strip_suffix(domain.as_str())
                        .is_some_and(|sub| sub.ends_with('.'))
            }
            (Self::Domain(_), HostName::Ip(_)) => false,
        }
    }
}

/// Parses the `server.allowed_hosts` list; the error names the first entry
/// that is not a host.
pub fn parse_allowed_hosts(entries: &[String]) -> Result<Vec<AllowedHost>, String> {
    entries
        .iter()
        .map(|entry| {
            AllowedHost::parse(entry).ok_or_else(|| {
                format!("server.allowed_hosts: `{entry}` is not a host name or address")
            })
        })
        .collect()
}

/// Whether a server bound to loopback answers a request with this `Host`
/// header: loopback addresses, `localhost`, and the configured names. A
/// request without the header (HTTP/1.0) comes from no browser and passes.
pub fn host_allowed(header: Option<&str>, allowed: &[AllowedHost]) -> bool {
    let Some(header) = header else {
        return true;
    };
    match parse_host(header) {
        None => false,
        Some(HostName::Ip(ip)) if ip.to_canonical().is_loopback() => true,
        Some(HostName::Name(name)) if name == "localhost" => true,
        Some(host) => allowed.iter().any(|a| a.matches(&host)),
    }
}

/// Whether a request's `Origin` header lets it through: no header (not a
/// browser, or a same-origin GET), or one of the configured origins.
pub fn origin_allowed(header: Option<&str>, cors_origins: &[String]) -> bool {
    match header {
        None => true,
        Some(origin) => {
            let origin = origin.trim().trim_end_matches('/');
            cors_origins.iter().any(|allowed| allowed == origin)
        }
    }
}

/// Whether a `Content-Type` header says JSON (`application/json`, any
/// case, parameters such as `charset` allowed).
pub fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|value| {
        let media = value.split(';').next().unwrap_or("").trim();
        media.eq_ignore_ascii_case("application/json")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(entries: &[&str]) -> Vec<AllowedHost> {
        entries
            .iter()
            .map(|e| AllowedHost::parse(e).unwrap())
            .collect()
    }

    #[test]
    fn loopback_addresses_and_localhost_pass_with_and_without_ports() {
        for host in [
            "localhost",
            "LOCALHOST",
            "localhost.",
            "LocalHost.:8000",
            "localhost:8000",
            "127.0.0.1",
            "127.0.0.1:8000",
            "127.0.0.1.",
            "127.0.0.2",
            "127.0.0.2:80",
            "[::1]",
            "[::1]:8000",
            "[::ffff:127.0.0.1]:8000",
        ] {
            assert!(host_allowed(Some(host), &[]), "{host} should pass");
        }
        assert!(host_allowed(None, &[]));
    }

    #[test]
    fn rebinding_names_and_odd_spellings_are_refused() {
        for host in [
            "127.evil.example",
            "127.0.0.1.nip.io",
            "127.0.0.1.nip.io:8000",
            "[::1].evil.example",
            "[::1]evil",
            "[::1]:",
            "localhost.evil.example",
            "evil-localhost",
            "0x7f.1",
            "0x7f000001",
            "2130706433",
            "127.1",
            "0177.0.0.1",
            "evil.example",
            "::1",
            "localhost:80:80",
            "localhost:http",
            "localhost:123456",
            "",
            ".",
            "local host",
            "localhost..",
            "10.0.0.1",
            "[fe80::1]",
        ] {
            assert!(!host_allowed(Some(host), &[]), "{host} should be refused");
        }
    }

    #[test]
    fn configured_names_pass_exactly_or_as_a_domain() {
        let list = allowed(&["chat.example.com", ".lan", "192.168.1.5"]);
        for host in [
            "chat.example.com",
            "CHAT.example.com.:443",
            "box.lan",
            "a.b.lan:8000",
            "lan",
            "192.168.1.5:8000",
        ] {
            assert!(host_allowed(Some(host), &list), "{host} should pass");
        }
        for host in [
            "example.com",
            "evil.chat.example.com",
            "chat.example.com.evil",
            "evillan",
            "lan.evil",
            "192.168.1.6",
        ] {
            assert!(!host_allowed(Some(host), &list), "{host} should be refused");
        }
    }

    #[test]
    fn bad_allowed_host_entries_are_rejected() {
        for entry in ["", "has space", "http://x.example", ".1.2.3.4", "[::1"] {
            assert_eq!(AllowedHost::parse(entry), None, "{entry}");
        }
    }

    #[test]
    fn origins_pass_only_when_listed() {
        let origins = vec!["http://app.example".to_string()];
        assert!(origin_allowed(None, &origins));
        assert!(origin_allowed(Some("http://app.example"), &origins));
        assert!(origin_allowed(Some("http://app.example/"), &origins));
        assert!(!origin_allowed(Some("http://evil.example"), &origins));
        assert!(!origin_allowed(Some("null"), &origins));
        assert!(!origin_allowed(Some("http://app.example"), &[]));
    }

    #[test]
    fn only_json_content_types_are_json() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            " application/json ;charset=UTF-8",
        ] {
            assert!(is_json(Some(ok)), "{ok}");
        }
        for no in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
            "application/json-seq",
            "",
        ] {
            assert!(!is_json(Some(no)), "{no}");
        }
        assert!(!is_json(None));
    }
}
