#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/address_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

struct NewAddress {
    std::string name;
    std::string phone;
    std::string address;
    std::optional<std::string> postcode;
};

// Only the fields present change; a postcode of "" clears it.
struct AddressChanges {
    std::optional<std::string> name;
    std::optional<std::string> phone;
    std::optional<std::string> address;
    std::optional<std::string> postcode;
};

// Every call runs under the user's row lock, so at most kMaxAddresses exist and exactly
// one of them is the default whatever calls race. Another user's address is NOT_FOUND.
std::vector<db::Address> addresses(Services& services, std::int64_t userId);
// The new address's id; the first one becomes the default. CONFLICT past the cap.
std::int64_t addAddress(Services& services, std::int64_t userId, const NewAddress& address);
void updateAddress(Services& services, std::int64_t userId, std::int64_t addressId,
                   const AddressChanges& changes);
// Deleting the default makes the newest remaining address the default.
void deleteAddress(Services& services, std::int64_t userId, std::int64_t addressId);
void setDefaultAddress(Services& services, std::int64_t userId, std::int64_t addressId);

}  // namespace mmx::services
