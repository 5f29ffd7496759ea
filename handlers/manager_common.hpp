#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/manager_repository.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/params.hpp"

// What the manager handlers share: their page size, and the shape of a list and of one
// object in their answers.
namespace mmx::manager {

inline constexpr PageLimits kManagerPage{20, 100};

// data: {<listKey>: [objects], total}
Response pageAnswer(const char* info, std::string_view listKey, const db::JsonPage& page);
// data: {<key>: object}
Response objectAnswer(const char* info, std::string_view key, std::string_view json);

// The parameter a BAD_PARAM message names ("参数 x ...", "缺少参数 x", "缺少文件 x").
std::optional<std::string> badParamField(std::string_view info);

}  // namespace mmx::manager
