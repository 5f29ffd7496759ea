#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace mmx {

struct StoredPackage {
    std::int64_t size = 0;  // bytes
    std::string sha256;     // lowercase hex
};

// The name is taken in the download directory by another file.
class PackageExists : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Copies `source` into directory/name, hashing it on the way (SHA-256), under a temporary
// name first and then linked into place only if nothing has that name yet (PackageExists),
// so nginx never serves half a package and a published package is never replaced. Throws
// std::runtime_error when the source cannot be read or the copy cannot be written.
StoredPackage storePackage(const std::filesystem::path& directory, const std::string& name,
                           const std::filesystem::path& source);

// Moves `source` (a file nginx wrote: an uploaded package) to directory/name, hashing it
// as it is read in 64 KB pieces, so a package of any size costs a worker no memory. The
// file is made readable to all and linked into place only if nothing has that name yet
// (PackageExists; `source` stays where it was), then its old name is removed. On another
// filesystem it is copied as storePackage does. std::runtime_error when it cannot be read
// or put in place.
StoredPackage movePackage(const std::filesystem::path& directory, const std::string& name,
                          const std::filesystem::path& source);

// Removes a package storePackage put in place (publishing it failed afterwards).
void removePackage(const std::filesystem::path& directory, const std::string& name) noexcept;

}  // namespace mmx
