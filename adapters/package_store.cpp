#include "adapters/package_store.hpp"

#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <vector>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace mmx {
namespace {

// Removes the temporary copy however the copy ends.
struct TemporaryFile {
    std::filesystem::path path;
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

void hashInto(crypto_hash_sha256_state& state, StoredPackage& stored, const char* bytes,
              std::streamsize got) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes),
                              static_cast<unsigned long long>(got));
    stored.size += got;
}

void finish(crypto_hash_sha256_state& state, StoredPackage& stored) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    stored.sha256 = toHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

void makeReadable(const std::filesystem::path& path) {
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                  std::filesystem::perms::group_read | std::filesystem::perms::others_read);
}

}  // namespace

StoredPackage movePackage(const std::filesystem::path& directory, const std::string& name,
                          const std::filesystem::path& source) {
    std::ifstream in(source, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + source.string());
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 16);
    StoredPackage stored;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got <= 0) break;
        hashInto(state, stored, buffer.data(), got);
    }
    if (in.bad()) throw std::runtime_error("cannot read " + source.string());
    finish(state, stored);

    std::filesystem::create_directories(directory);
    // nginx made it 0600; when nginx and the workers share a user, nginx serves it only
    // if others may read it (otherwise nginx owns it and reads it anyway).
    std::error_code notOwner;
    std::filesystem::permissions(
        source, std::filesystem::perms::group_read | std::filesystem::perms::others_read,
        std::filesystem::perm_options::add, notOwner);
    const auto final = directory / name;
    if (::link(source.c_str(), final.c_str()) != 0) {
        if (errno == EEXIST) throw PackageExists(final.string() + " exists already");
        if (errno == EXDEV) return storePackage(directory, name, source);
        throw std::runtime_error("cannot put " + final.string() + " in place");
    }
    std::error_code ignored;
    std::filesystem::remove(source, ignored);
    return stored;
}

StoredPackage storePackage(const std::filesystem::path& directory, const std::string& name,
                           const std::filesystem::path& source) {
    std::ifstream in(source, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + source.string());
    std::filesystem::create_directories(directory);
    const TemporaryFile temporary{directory / ("." + name + "." + randomHex(8) + ".part")};
    std::ofstream out(temporary.path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + temporary.path.string());

    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 16);
    StoredPackage stored;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got <= 0) break;
        hashInto(state, stored, buffer.data(), got);
        out.write(buffer.data(), got);
    }
    if (in.bad()) throw std::runtime_error("cannot read " + source.string());
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temporary.path.string());
    finish(state, stored);
    makeReadable(temporary.path);
    const auto final = directory / name;
    if (::link(temporary.path.c_str(), final.c_str()) != 0) {
        if (errno == EEXIST) throw PackageExists(final.string() + " exists already");
        throw std::runtime_error("cannot put " + final.string() + " in place");
    }
    return stored;
}

void removePackage(const std::filesystem::path& directory, const std::string& name) noexcept {
    std::error_code ignored;
    std::filesystem::remove(directory / name, ignored);
}

}  // namespace mmx
