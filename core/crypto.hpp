#pragma once

#include <string>
#include <string_view>

namespace mmx {

// How much work one password hash costs. Production always uses libsodium's interactive
// limits; Minimal exists for test stacks, where every test user costs two hashes, and the
// configuration refuses it wherever real SMS can be sent.
enum class PasswordHashCost { Interactive, Minimal };

// Must run once per process before anything below.
void initCrypto(PasswordHashCost cost = PasswordHashCost::Interactive);

// argon2id with the limits of initCrypto's cost, in libsodium's self-describing string form.
std::string hashPassword(std::string_view password);
bool verifyPassword(const std::string& storedHash, std::string_view password);
// True when the stored hash was made with other limits than today's.
bool passwordNeedsRehash(const std::string& storedHash);

// 256 random bits, hex-encoded: the access token handed to a client.
std::string newAccessToken();

// The form a token or code is stored in: keyed BLAKE2b-256, hex. Only the hash is
// kept, so a copy of the database hands out no sessions.
std::string secretHash(std::string_view value, std::string_view key);

// Constant-time equality of two strings of the same length.
bool constantTimeEquals(std::string_view a, std::string_view b);

// A uniformly random six-digit code, zero-padded.
std::string newSmsCode();

// `bytes` random bytes, hex-encoded (file names and the like).
std::string randomHex(std::size_t bytes);

}  // namespace mmx
