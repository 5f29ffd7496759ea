// Delivery addresses: at most four, exactly one default.
#include "handlers/address.hpp"

#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/addresses.hpp"

namespace mmx::address {
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
    const std::int64_t id =
        services::addAddress(services, request.actor().userId, readers::readNewAddress(request));
    Response response("地址已添加");
    response.data().set("addrID", id);
    return response;
}

Response update(Services& services, const Request& request) {
    const std::int64_t id = requireId(request, "addrID");
    services::updateAddress(services, request.actor().userId, id,
                            readers::readAddressChanges(request));
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
