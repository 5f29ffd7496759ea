#pragma once

#include <optional>
#include <string>

#include "db/user_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

// The URL of the user's QR card, making the PNG the first time it is asked for
// (at registration, or for accounts older than QR cards when their profile is read).
// A card that cannot be made now is logged and tried again next time: nullopt.
std::optional<std::string> ensureQrCard(Services& services, const db::UserProfile& profile);

}  // namespace mmx::services
