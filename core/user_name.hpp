#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mmx {

inline constexpr std::size_t kMinUserNameChars = 4;
inline constexpr std::size_t kMaxUserNameChars = 20;

// A user name, chosen once and then a login name beside the mobile: 4 to 20 ASCII
// letters, digits or '_', not only digits (a name of digits could be someone's mobile).
// nullopt when acceptable, else why not.
std::optional<std::string> userNameProblem(std::string_view name);

}  // namespace mmx
