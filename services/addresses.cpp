// A user's delivery addresses: the cap and the one default, kept under the user's row lock.
#include "services/addresses.hpp"

#include "core/address_rules.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void addressNotFound() {
    throw ApiError(ErrorCode::NotFound, "地址不存在");
}

void lockOwner(db::AddressRepository& repository, std::int64_t userId) {
    if (!repository.lockOwner(userId)) throw ApiError(ErrorCode::NotFound, "用户不存在");
}

}  // namespace

std::vector<db::Address> addresses(Services& services, std::int64_t userId) {
    return db::AddressRepository(services.db).ofUser(userId);
}

std::int64_t addAddress(Services& services, std::int64_t userId, const NewAddress& address) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::AddressRepository repository(services.db);
        lockOwner(repository, userId);
        const std::int64_t count = repository.countOf(userId);
        if (count >= kMaxAddresses) {
            throw ApiError(ErrorCode::Conflict, "最多保存4个地址，请先删除一个");
        }
        db::Address row{0,         address.name, address.phone, address.address, address.postcode,
                        count == 0};
        const std::int64_t id = repository.add(userId, row, nowMs());
        transaction.commit();
        return id;
    });
}

void updateAddress(Services& services, std::int64_t userId, std::int64_t addressId,
                   const AddressChanges& changes) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::AddressRepository repository(services.db);
        lockOwner(repository, userId);
        auto address = repository.find(userId, addressId);
        if (!address) addressNotFound();
        if (changes.name) address->name = *changes.name;
        if (changes.phone) address->phone = *changes.phone;
        if (changes.address) address->address = *changes.address;
        if (changes.postcode) {
            address->postcode =
                changes.postcode->empty() ? std::nullopt : std::optional(*changes.postcode);
        }
        repository.update(userId, *address);
        transaction.commit();
    });
}

void deleteAddress(Services& services, std::int64_t userId, std::int64_t addressId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::AddressRepository repository(services.db);
        lockOwner(repository, userId);
        const auto address = repository.find(userId, addressId);
        if (!address) addressNotFound();
        repository.remove(userId, addressId);
        if (address->isDefault) {
            if (const auto newest = repository.newest(userId)) {
                repository.makeDefault(userId, *newest);
            }
        }
        transaction.commit();
    });
}

void setDefaultAddress(Services& services, std::int64_t userId, std::int64_t addressId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::AddressRepository repository(services.db);
        lockOwner(repository, userId);
        if (!repository.find(userId, addressId)) addressNotFound();
        repository.makeDefault(userId, addressId);
        transaction.commit();
    });
}

}  // namespace mmx::services
