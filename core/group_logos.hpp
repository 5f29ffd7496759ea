#pragma once

#include <cstddef>
#include <string>

// The built-in group logos: small two-colour PNGs drawn in code, so the repository
// carries no binary files and every stack can make them where nginx serves them.
namespace mmx {

inline constexpr std::size_t kBuiltInLogoCount = 8;

// The file name of logo `index` (0 .. kBuiltInLogoCount-1): "group-<index+1>.png".
std::string builtInLogoName(std::size_t index);

// The PNG bytes of logo `index`: two figures on a coloured square, 96×96.
std::string builtInLogoPng(std::size_t index);

}  // namespace mmx
