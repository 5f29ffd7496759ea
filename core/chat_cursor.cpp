#include "core/chat_cursor.hpp"

#include <sodium.h>

#include <array>

namespace mmx {
namespace {

constexpr unsigned char kVersion = 1;
constexpr std::size_t kRawSize = 1 + 8 + 8;
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

void putBigEndian(unsigned char* out, std::uint64_t value) {
    for (int i = 7; i >= 0; --i) {
        out[i] = static_cast<unsigned char>(value & 0xFF);
        value >>= 8;
    }
}

std::uint64_t getBigEndian(const unsigned char* in) {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
    return value;
}

}  // namespace

std::string encodeFeedCursor(std::int64_t userId, std::int64_t feedSeq) {
    std::array<unsigned char, kRawSize> raw{};
    raw[0] = kVersion;
    putBigEndian(raw.data() + 1, static_cast<std::uint64_t>(userId));
    putBigEndian(raw.data() + 9, static_cast<std::uint64_t>(feedSeq));
    std::string text(sodium_base64_ENCODED_LEN(kRawSize, kVariant), '\0');
    sodium_bin2base64(text.data(), text.size(), raw.data(), raw.size(), kVariant);
    text.resize(text.find('\0'));
    return text;
}

std::optional<std::int64_t> decodeFeedCursor(std::string_view cursor, std::int64_t userId) {
    if (cursor.empty()) return 0;
    if (cursor.size() != sodium_base64_ENCODED_LEN(kRawSize, kVariant) - 1) return std::nullopt;
    std::array<unsigned char, kRawSize> raw{};
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(raw.data(), raw.size(), cursor.data(), cursor.size(), nullptr, &length,
                          &end, kVariant) != 0 ||
        length != kRawSize || end != cursor.data() + cursor.size()) {
        return std::nullopt;
    }
    if (raw[0] != kVersion) return std::nullopt;
    if (getBigEndian(raw.data() + 1) != static_cast<std::uint64_t>(userId)) return std::nullopt;
    const std::uint64_t feedSeq = getBigEndian(raw.data() + 9);
    if (feedSeq > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    // Canonical form only: the same position always reads as the same text.
    if (encodeFeedCursor(userId, static_cast<std::int64_t>(feedSeq)) != cursor) return std::nullopt;
    return static_cast<std::int64_t>(feedSeq);
}

}  // namespace mmx
