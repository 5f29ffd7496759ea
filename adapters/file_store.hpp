#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mmx {

// Writes `bytes` to directory/name (creating the directory) under a temporary name
// and renames it into place, so nginx never serves half a file; a failed write
// leaves nothing behind and throws. Returns the final path.
std::filesystem::path writeFileAtomically(const std::filesystem::path& directory,
                                          const std::string& name, std::string_view bytes);

}  // namespace mmx
