#include "services/qr_cards.hpp"

#include <filesystem>
#include <iostream>

#include "adapters/file_store.hpp"
#include "core/crypto.hpp"
#include "core/qr_card.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kQrFolder = "images/qcode";

}  // namespace

std::optional<std::string> ensureQrCard(Services& services, const db::UserProfile& profile) {
    if (profile.qcodeUrl && !profile.qcodeUrl->empty()) return profile.qcodeUrl;
    if (profile.mcode.empty()) return std::nullopt;
    try {
        // A random part keeps card URLs from being walked by MMX code.
        const std::string name = std::to_string(profile.id) + "_" + randomHex(8) + ".png";
        const auto directory = std::filesystem::path(services.config.uploadDir) / kQrFolder;
        writeFileAtomically(directory, name, qrPng(qrCardText(profile.mcode)));
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

}  // namespace mmx::services
