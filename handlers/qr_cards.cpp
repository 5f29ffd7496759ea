#include "handlers/qr_cards.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/crypto.hpp"
#include "core/qr_card.hpp"

namespace mmx {
namespace {

constexpr std::string_view kQrFolder = "images/qcode";

// Written under a temporary name and renamed, so nginx never serves half a file.
void writeAtomically(const std::filesystem::path& directory, const std::string& name,
                     const std::string& bytes) {
    std::filesystem::create_directories(directory);
    const auto temporary = directory / ("." + name + ".part");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            std::filesystem::remove(temporary);
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    std::filesystem::rename(temporary, directory / name);
}

}  // namespace

std::optional<std::string> ensureQrCard(Services& services, const db::UserProfile& profile) {
    if (profile.qcodeUrl && !profile.qcodeUrl->empty()) return profile.qcodeUrl;
    if (profile.mcode.empty()) return std::nullopt;
    try {
        // A random part keeps card URLs from being walked by MMX code.
        const std::string name = std::to_string(profile.id) + "_" + randomHex(8) + ".png";
        const auto directory = std::filesystem::path(services.config.uploadDir) / kQrFolder;
        writeAtomically(directory, name, qrPng(qrCardText(profile.mcode)));
        const std::string url =
            services.config.publicBaseUrl + "/upload/" + std::string(kQrFolder) + "/" + name;
        db::UserRepository users(services.db);
        if (users.setQcodeUrl(profile.id, url)) return url;
        std::filesystem::remove(directory / name);  // a concurrent request made the card
        const auto current = users.findProfile(profile.id);
        return current ? current->qcodeUrl : std::nullopt;
    } catch (const std::exception& error) {
        std::cerr << "QR card for user " << profile.id << " not made: " << error.what()
                  << std::endl;
        return std::nullopt;
    }
}

}  // namespace mmx
