#pragma once

#include <string>
#include <string_view>

namespace mmx {

// The MMX code (喵喵号): 8 to 10 digits, never starting with 0, drawn at random so
// that codes say nothing about when or in what order people joined.

inline constexpr int kMcodeMinDigits = 8;
inline constexpr int kMcodeMaxDigits = 10;
// Draws before registration gives up; a clash is rare while codes are sparse.
inline constexpr int kMcodeAttempts = 9;

// How many digits the attempt'th draw (from 1) uses: 8 first, longer after clashes,
// so a filling 8-digit space never stalls registration.
int mcodeDigitsForAttempt(int attempt);

// A uniformly random code of `digits` digits (libsodium's generator).
std::string randomMcode(int digits);

bool isMcode(std::string_view text);

}  // namespace mmx
