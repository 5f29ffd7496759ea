#include "core/crypto.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

#include "core/text.hpp"

namespace mmx {

namespace {

struct HashLimits {
    unsigned long long ops;
    std::size_t memory;
};

HashLimits hashLimits{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};

}  // namespace

void initCrypto(PasswordHashCost cost) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    hashLimits =
        cost == PasswordHashCost::Minimal
            ? HashLimits{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}
            : HashLimits{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

std::string hashPassword(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), hashLimits.ops,
                          hashLimits.memory) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool verifyPassword(const std::string& storedHash, std::string_view password) {
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

bool passwordNeedsRehash(const std::string& storedHash) {
    return crypto_pwhash_str_needs_rehash(storedHash.c_str(), hashLimits.ops, hashLimits.memory) !=
           0;
}

std::string newAccessToken() {
    return randomHex(32);
}

std::string secretHash(std::string_view value, std::string_view key) {
    unsigned char out[crypto_generichash_BYTES];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()),
                       value.size(), reinterpret_cast<const unsigned char*>(key.data()),
                       std::min<std::size_t>(key.size(), crypto_generichash_KEYBYTES_MAX));
    return toHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string newSmsCode() {
    char code[8];
    std::snprintf(code, sizeof code, "%06u", randombytes_uniform(1000000));
    return code;
}

std::string randomHex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return toHex(raw);
}

}  // namespace mmx
