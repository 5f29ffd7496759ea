// The parameter a BAD_PARAM message names, as the manager routes answer it in data.field.
#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>

#include "handlers/manager_common.hpp"

using mmx::manager::badParamField;

BOOST_AUTO_TEST_SUITE(manager_bad_param_field)

BOOST_AUTO_TEST_CASE(each_shape_of_the_readers_messages_names_its_parameter) {
    struct Case {
        const char* info;
        std::optional<std::string> field;
    };
    const Case cases[] = {
        {"缺少参数 name", "name"},
        {"参数 userId 必须是正整数", "userId"},
        {"参数 long/lat 必须是经度 -180~180、纬度 -90~90", "long"},
        {"缺少参数 lat （long 和 lat 必须一起传）", "lat"},
        {"缺少文件 file", "file"},
        {"参数 et 不能早于 bt", "et"},
        {"参数过多：每个请求最多1000个参数", std::nullopt},
        {"图片已损坏或不完整", std::nullopt},
        {"参数 ", std::nullopt},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.info) {
            BOOST_TEST((badParamField(c.info) == c.field));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
