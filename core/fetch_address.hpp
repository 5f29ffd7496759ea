#pragma once

#include <string_view>

namespace mmx {

// Whether a server-side fetch (an avatar by URL) may connect to the numeric address
// `address` (IPv4 dotted quad or IPv6 text, as getaddrinfo gives it). Refused: loopback,
// private (10/8, 172.16/12, 192.168/16, fc00::/7), shared CGNAT (100.64/10), link-local
// (169.254/16 with the cloud metadata address, fe80::/10), multicast, unspecified,
// broadcast and the other reserved blocks, and IPv4-mapped or -compatible IPv6 forms
// of any of them. Text that is no address is refused too.
bool isPublicFetchAddress(std::string_view address);

}  // namespace mmx
