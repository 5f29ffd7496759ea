// Delivery addresses: at most four, exactly one default.
#include "handlers/address.hpp"

#include "core/address_rules.hpp"
#include "core/api_error.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"
#include "services/addresses.hpp"

namespace mmx::address {
namespace {

constexpr std::size_t kMaxNameChars = 20;
constexpr std::size_t kMaxAddressChars = 120;

// A postcode when one was sent: "" when the parameter is there but empty.
std::optional<std::string> readPostcode(const Request& request) {
    const auto raw = request.param("postcode");
    if (!raw) return std::nullopt;
    const std::string postcode(trim(*raw));
    if (!postcode.empty() && !isPostcode(postcode)) throwBadParam("参数 postcode 必须是6位数字");
    return postcode;
}

std::optional<std::string> optionalMobile(const Request& request, std::string_view name) {
    if (!request.param(name)) return std::nullopt;
    return requireMobile(request, name);
}

std::optional<std::string> optionalNonEmpty(const Request& request, std::string_view name,
                                            std::size_t maxChars) {
    if (!request.param(name)) return std::nullopt;
    return requireText(request, name, 1, maxChars);
}

}  // namespace

Response list(Services& services, const Request& request) {
    const auto addresses = services::addresses(services, request.actor().userId);
    Response response("获取地址成功");
    JsonArray list = response.data().array("addressList");
    for (const auto& address : addresses) {
        list.addObject()
            .set("addrID", address.id)
            .set("name", address.name)
            .set("phone", address.phone)
            .set("address", address.address)
            .set("postcode", address.postcode.value_or(""))
            .set("default", address.isDefault);
    }
    return response;
}

Response add(Services& services, const Request& request) {
    services::NewAddress address;
    address.name = requireText(request, "name", 1, kMaxNameChars);
    address.phone = requireMobile(request, "phone");
    address.address = requireText(request, "address", 1, kMaxAddressChars);
    if (auto postcode = readPostcode(request); postcode && !postcode->empty()) {
        address.postcode = std::move(postcode);
    }
    const std::int64_t id = services::addAddress(services, request.actor().userId, address);
    Response response("地址已添加");
    response.data().set("addrID", id);
    return response;
}

Response update(Services& services, const Request& request) {
    const std::int64_t id = requireId(request, "addrID");
    services::AddressChanges changes;
    changes.name = optionalNonEmpty(request, "name", kMaxNameChars);
    changes.phone = optionalMobile(request, "phone");
    changes.address = optionalNonEmpty(request, "address", kMaxAddressChars);
    changes.postcode = readPostcode(request);
    if (!changes.name && !changes.phone && !changes.address && !changes.postcode) {
        throwBadParam("缺少要修改的字段 name、phone、address 或 postcode");
    }
    services::updateAddress(services, request.actor().userId, id, changes);
    Response response("地址已修改");
    response.data().set("addrID", id);
    return response;
}

Response remove(Services& services, const Request& request) {
    const std::int64_t id = requireId(request, "addrID");
    services::deleteAddress(services, request.actor().userId, id);
    Response response("地址已删除");
    response.data().set("addrID", id);
    return response;
}

Response setDefault(Services& services, const Request& request) {
    const std::int64_t id = requireId(request, "addrID");
    services::setDefaultAddress(services, request.actor().userId, id);
    Response response("默认地址已设置");
    response.data().set("addrID", id);
    return response;
}

}  // namespace mmx::address
