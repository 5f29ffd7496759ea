#include "core/fetch_address.hpp"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace mmx {
namespace {

struct V4Block {
    std::uint32_t network;
    int prefix;
};

constexpr std::uint32_t v4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// IANA's special-purpose IPv4 blocks that are not reachable on the public internet.
constexpr V4Block kRefusedV4[] = {
    {v4(0, 0, 0, 0), 8},        // "this network", unspecified
    {v4(10, 0, 0, 0), 8},       // private
    {v4(100, 64, 0, 0), 10},    // shared address space (CGNAT)
    {v4(127, 0, 0, 0), 8},      // loopback
    {v4(169, 254, 0, 0), 16},   // link-local, cloud metadata 169.254.169.254
    {v4(172, 16, 0, 0), 12},    // private
    {v4(192, 0, 0, 0), 24},     // IETF protocol assignments
    {v4(192, 0, 2, 0), 24},     // documentation
    {v4(192, 88, 99, 0), 24},   // 6to4 relay anycast
    {v4(192, 168, 0, 0), 16},   // private
    {v4(198, 18, 0, 0), 15},    // benchmarking
    {v4(198, 51, 100, 0), 24},  // documentation
    {v4(203, 0, 113, 0), 24},   // documentation
    {v4(224, 0, 0, 0), 4},      // multicast
    {v4(240, 0, 0, 0), 4},      // reserved, broadcast
};

bool isPublicV4(std::uint32_t address) {
    for (const auto& block : kRefusedV4) {
        const std::uint32_t mask = block.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - block.prefix);
        if ((address & mask) == block.network) return false;
    }
    return true;
}

std::uint32_t v4At(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

bool isPublicV6(const unsigned char* b) {
    static constexpr unsigned char kZero[16] = {};
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated) reach the IPv4 address.
    if (std::memcmp(b, kZero, 10) == 0 && b[10] == 0xff && b[11] == 0xff)
        return isPublicV4(v4At(b + 12));
    if (std::memcmp(b, kZero, 12) == 0) return false;  // ::, ::1 and the compatible forms
    // 64:ff9b::/96 (NAT64) reaches the IPv4 address it embeds.
    static constexpr unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::memcmp(b, kNat64, 12) == 0) return isPublicV4(v4At(b + 12));
    if ((b[0] & 0xfe) == 0xfc) return false;                  // fc00::/7 unique local
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;  // fe80::/10 link-local
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;  // fec0::/10 site-local
    if (b[0] == 0xff) return false;                           // multicast
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // doc
    if (b[0] == 0x20 && b[1] == 0x02) return isPublicV4(v4At(b + 2));  // 6to4 embeds IPv4
    return (b[0] & 0xe0) == 0x20;  // only global unicast 2000::/3
}

}  // namespace

bool isPublicFetchAddress(std::string_view address) {
    if (address.empty() || address.size() > 64) return false;
    const std::string text(address);
    unsigned char bytes[16];
    if (inet_pton(AF_INET, text.c_str(), bytes) == 1) return isPublicV4(v4At(bytes));
    if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) return isPublicV6(bytes);
    return false;
}

}  // namespace mmx
