#include "db/address_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kLockOwner = "SELECT id FROM users WHERE id = ? FOR UPDATE";
constexpr std::string_view kOfUser =
    "SELECT id, name, phone, address, postcode, is_default FROM user_address"
    " WHERE user_id = ? ORDER BY id";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM user_address WHERE user_id = ?";
constexpr std::string_view kFind =
    "SELECT id, name, phone, address, postcode, is_default FROM user_address"
    " WHERE user_id = ? AND id = ?";
constexpr std::string_view kAdd =
    "INSERT INTO user_address (user_id, name, phone, address, postcode, is_default, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdate =
    "UPDATE user_address SET name = ?, phone = ?, address = ?, postcode = ?"
    " WHERE user_id = ? AND id = ?";
constexpr std::string_view kRemove = "DELETE FROM user_address WHERE user_id = ? AND id = ?";
constexpr std::string_view kMakeDefault =
    "UPDATE user_address SET is_default = (id = ?) WHERE user_id = ?";
constexpr std::string_view kNewest =
    "SELECT id FROM user_address WHERE user_id = ? ORDER BY id DESC LIMIT 1";

Address readAddress(const Row& row) {
    return {row.i64(0), row.str(1), row.str(2), row.str(3), row.opt(4), row.i64(5) != 0};
}

Param optionalText(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return std::string_view(*value);
}

}  // namespace

bool AddressRepository::lockOwner(std::int64_t userId) {
    return db_.queryOne(kLockOwner, {userId}).has_value();
}

std::vector<Address> AddressRepository::ofUser(std::int64_t userId) {
    std::vector<Address> addresses;
    for (const auto& row : db_.query(kOfUser, {userId})) addresses.push_back(readAddress(row));
    return addresses;
}

std::int64_t AddressRepository::countOf(std::int64_t userId) {
    return db_.queryOne(kCount, {userId})->i64(0);
}

std::optional<Address> AddressRepository::find(std::int64_t userId, std::int64_t addressId) {
    const auto row = db_.queryOne(kFind, {userId, addressId});
    if (!row) return std::nullopt;
    return readAddress(*row);
}

std::int64_t AddressRepository::add(std::int64_t userId, const Address& address, std::int64_t now) {
    return static_cast<std::int64_t>(
        db_.execute(kAdd, {userId, address.name, address.phone, address.address,
                           optionalText(address.postcode),
                           static_cast<std::int64_t>(address.isDefault ? 1 : 0), now})
            .insertId);
}

void AddressRepository::update(std::int64_t userId, const Address& address) {
    db_.execute(kUpdate, {address.name, address.phone, address.address,
                          optionalText(address.postcode), userId, address.id});
}

void AddressRepository::remove(std::int64_t userId, std::int64_t addressId) {
    db_.execute(kRemove, {userId, addressId});
}

void AddressRepository::makeDefault(std::int64_t userId, std::int64_t addressId) {
    db_.execute(kMakeDefault, {addressId, userId});
}

std::optional<std::int64_t> AddressRepository::newest(std::int64_t userId) {
    const auto row = db_.queryOne(kNewest, {userId});
    if (!row) return std::nullopt;
    return row->i64(0);
}

}  // namespace mmx::db
