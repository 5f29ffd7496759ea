#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace mmx {

// A JSON object's members as name/value pairs (the older phones post JSON): a string, number
// (its text as sent) or boolean is one value, an array of them is the name repeated; null is
// left out, and anything else (a nested object or array, not an object at the top) is
// ApiError BAD_PARAM, as is a body that is not JSON.
//
// Read as a stream of events (rapidjson's Reader, iterative, so its state is on the heap and
// never the call stack), each member handed to `onMember` as it is read: no document is
// built, and a refusal comes at the first byte that breaks the shape, so the cost is one
// pass over the body. `onMember` may throw ApiError to stop the parse (a limit reached);
// that error is what parseJsonMembers throws.
void parseJsonMembers(std::string_view body,
                      const std::function<void(std::string&& name, std::string&& value)>& onMember);

}  // namespace mmx
