#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mmx {

// An e-mail address as a login name: at most 254 ASCII characters, one '@', a local part
// of 1 to 64 characters from letters, digits and ".!#$%&'*+/=?^_`{|}~-" (no dot at either
// end, no two dots together), and a domain of at least two dot-separated labels of
// letters, digits and '-' (no '-' at a label's ends). nullopt when acceptable, else why not.
std::optional<std::string> emailProblem(std::string_view email);

}  // namespace mmx
