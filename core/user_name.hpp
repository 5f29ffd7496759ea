#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mmx {

// A user name, chosen once and then a login name beside the mobile: 4 to 20 ASCII
// letters, digits or '_', not only digits (a name of digits could be someone's mobile).
// nullopt when acceptable, else why not.
std::optional<std::string> userNameProblem(std::string_view name);

}  // namespace mmx
