#include "dialects/request_names.hpp"

namespace mmx::dialects {

Request withNames(const Request& request,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> renames) {
    Request renamed = request;
    for (auto& [name, value] : renamed.params) {
        for (const auto& [from, to] : renames) {
            if (name == from) name = std::string(to);
        }
    }
    return renamed;
}

}  // namespace mmx::dialects
