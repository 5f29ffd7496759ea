#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

struct Address {
    std::int64_t id = 0;
    std::string name;
    std::string phone;
    std::string address;
    std::optional<std::string> postcode;
    bool isDefault = false;
};

// user_address: a user's delivery addresses. The writes are meant to run inside a
// transaction that holds the owner's row (lockOwner), which keeps the count and the
// single default right under concurrent calls.
class AddressRepository {
  public:
    explicit AddressRepository(Connection& db) : db_(db) {}

    // Locks the owner's users row; false when there is no such user.
    bool lockOwner(std::int64_t userId);

    std::vector<Address> ofUser(std::int64_t userId);  // oldest first
    std::int64_t countOf(std::int64_t userId);
    // The address when it belongs to `userId`.
    std::optional<Address> find(std::int64_t userId, std::int64_t addressId);

    std::int64_t add(std::int64_t userId, const Address& address, std::int64_t now);
    void update(std::int64_t userId, const Address& address);
    void remove(std::int64_t userId, std::int64_t addressId);
    // Makes `addressId` the user's only default.
    void makeDefault(std::int64_t userId, std::int64_t addressId);
    // The newest remaining address, if any.
    std::optional<std::int64_t> newest(std::int64_t userId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
