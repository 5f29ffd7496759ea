// Delivery addresses: at most four, the first the default, exactly one default whatever
// races, the default moving to the newest remaining address on delete, and another
// user's address never revealed.
#define BOOST_TEST_MODULE api_address
#include <atomic>
#include <functional>
#include <map>
#include <thread>

#include "api_test.hpp"
#include "helpers.hpp"

namespace {

const std::string kList = "/user/address!list";
const std::string kAdd = "/user/address!add";
const std::string kUpdate = "/user/address!update";
const std::string kDelete = "/user/address!delete";
const std::string kSetDefault = "/user/address!setDefault";

struct Address {
    std::string name;
    std::string phone;
    std::string address;
    std::string postcode;
    bool isDefault = false;
};

// The user's addresses by addrID, as addressList shows them.
std::map<long long, Address> addressesOf(const api::TestUser& user) {
    const api::Response r = api::get(user, kList);
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* list = r.data("addressList");
    BOOST_REQUIRE_MESSAGE(list != nullptr && list->IsArray(), r.describe());
    std::map<long long, Address> addresses;
    for (const auto& item : list->GetArray()) {
        addresses[item["addrID"].GetInt64()] = {
            item["name"].GetString(), item["phone"].GetString(), item["address"].GetString(),
            item["postcode"].GetString(), item["default"].GetBool()};
    }
    return addresses;
}

std::vector<long long> defaultsOf(const api::TestUser& user) {
    std::vector<long long> defaults;
    for (const auto& [id, address] : addressesOf(user)) {
        if (address.isDefault) defaults.push_back(id);
    }
    return defaults;
}

api::Params addressParams(const std::string& name) {
    return {{"name", name},
            {"phone", "13912345678"},
            {"address", "深圳市南山区科技园" + name + "号"},
            {"postcode", "518000"}};
}

long long addAddress(const api::TestUser& user, const std::string& name) {
    const api::Response r = api::post(user, kAdd, addressParams(name));
    MMX_REQUIRE_OK(r);
    return r.data("addrID")->GetInt64();
}

// Runs every task on its own thread, released together, and waits for them all.
void runTogether(std::vector<std::function<void()>> tasks) {
    std::atomic<std::size_t> ready{0};
    const std::size_t count = tasks.size();
    std::vector<std::thread> threads;
    for (auto& task : tasks) {
        threads.emplace_back([&ready, count, task = std::move(task)] {
            ++ready;
            while (ready.load() < count) std::this_thread::yield();
            task();
        });
    }
    for (auto& thread : threads) thread.join();
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_added_address_reads_back_with_the_seed_field_names) {
    const api::TestUser user = api::newUser();
    const long long id = addAddress(user, "张三");
    const auto addresses = addressesOf(user);
    BOOST_REQUIRE_EQUAL(addresses.size(), 1u);
    const Address& address = addresses.at(id);
    BOOST_CHECK_EQUAL(address.name, "张三");
    BOOST_CHECK_EQUAL(address.phone, "13912345678");
    BOOST_CHECK_EQUAL(address.address, "深圳市南山区科技园张三号");
    BOOST_CHECK_EQUAL(address.postcode, "518000");
}

BOOST_AUTO_TEST_CASE(the_first_address_is_the_default_and_later_ones_are_not) {
    const api::TestUser user = api::newUser();
    const long long first = addAddress(user, "一");
    const long long second = addAddress(user, "二");
    const auto addresses = addressesOf(user);
    BOOST_CHECK(addresses.at(first).isDefault);
    BOOST_CHECK(!addresses.at(second).isDefault);
}

BOOST_AUTO_TEST_CASE(a_fifth_address_is_refused_and_changes_nothing) {
    const api::TestUser user = api::newUser();
    for (int i = 0; i < 4; ++i) addAddress(user, "地址" + std::to_string(i));
    const api::Response fifth = api::post(user, kAdd, addressParams("第五"));
    MMX_CHECK_FAILS_WITH(fifth, "CONFLICT");
    BOOST_CHECK_EQUAL(addressesOf(user).size(), 4u);
}

BOOST_AUTO_TEST_CASE(six_concurrent_adds_leave_exactly_four_addresses_and_one_default) {
    for (int round = 0; round < 3; ++round) {
        const api::TestUser user = api::newUser();
        const api::Headers headers = api::authHeaders(user.session);
        std::vector<api::Response> answers(6);
        std::vector<std::function<void()>> adds;
        for (int i = 0; i < 6; ++i) {
            adds.emplace_back([&answers, headers, i] {
                api::HttpClient http(api::stackEnv().baseUrl);
                answers[i] = http.post(kAdd, addressParams("并发" + std::to_string(i)), headers);
            });
        }
        runTogether(std::move(adds));
        int added = 0;
        for (const auto& answer : answers) {
            if (answer.success()) {
                ++added;
            } else {
                MMX_CHECK_FAILS_WITH(answer, "CONFLICT");
            }
        }
        BOOST_CHECK_EQUAL(added, 4);
        BOOST_CHECK_EQUAL(addressesOf(user).size(), 4u);
        BOOST_CHECK_EQUAL(defaultsOf(user).size(), 1u);
    }
}

BOOST_AUTO_TEST_CASE(deleting_the_default_makes_the_newest_remaining_address_the_default) {
    const api::TestUser user = api::newUser();
    const long long first = addAddress(user, "一");
    const long long second = addAddress(user, "二");
    const long long third = addAddress(user, "三");
    MMX_REQUIRE_OK(api::post(user, kSetDefault, {{"addrID", api::id(second)}}));
    MMX_REQUIRE_OK(api::post(user, kDelete, {{"addrID", api::id(second)}}));
    BOOST_CHECK(defaultsOf(user) == std::vector<long long>{third});

    MMX_REQUIRE_OK(api::post(user, kDelete, {{"addrID", api::id(third)}}));
    const auto left = defaultsOf(user);
    BOOST_CHECK(left == std::vector<long long>{first});

    MMX_REQUIRE_OK(api::post(user, kDelete, {{"addrID", api::id(first)}}));
    BOOST_CHECK(addressesOf(user).empty());
    // With none left, the next address is the default again.
    const long long fresh = addAddress(user, "四");
    BOOST_CHECK(defaultsOf(user) == std::vector<long long>{fresh});
}

BOOST_AUTO_TEST_CASE(deleting_another_address_keeps_the_default_where_it_was) {
    const api::TestUser user = api::newUser();
    const long long first = addAddress(user, "一");
    const long long second = addAddress(user, "二");
    MMX_REQUIRE_OK(api::post(user, kDelete, {{"addrID", api::id(second)}}));
    BOOST_CHECK(defaultsOf(user) == std::vector<long long>{first});
}

BOOST_AUTO_TEST_CASE(set_default_moves_the_one_default) {
    const api::TestUser user = api::newUser();
    addAddress(user, "一");
    const long long second = addAddress(user, "二");
    MMX_REQUIRE_OK(api::post(user, kSetDefault, {{"addrID", api::id(second)}}));
    BOOST_CHECK(defaultsOf(user) == std::vector<long long>{second});
}

BOOST_AUTO_TEST_CASE(two_concurrent_set_defaults_leave_exactly_one_default) {
    for (int round = 0; round < 5; ++round) {
        const api::TestUser user = api::newUser();
        addAddress(user, "一");
        const long long second = addAddress(user, "二");
        const long long third = addAddress(user, "三");
        const api::Headers headers = api::authHeaders(user.session);
        std::vector<api::Response> answers(2);
        const long long targets[] = {second, third};
        std::vector<std::function<void()>> calls;
        for (int i = 0; i < 2; ++i) {
            calls.emplace_back([&answers, &targets, headers, i] {
                api::HttpClient http(api::stackEnv().baseUrl);
                answers[i] = http.post(kSetDefault, {{"addrID", api::id(targets[i])}}, headers);
            });
        }
        runTogether(std::move(calls));
        for (const auto& answer : answers) MMX_CHECK_OK(answer);
        const auto defaults = defaultsOf(user);
        BOOST_REQUIRE_EQUAL(defaults.size(), 1u);
        BOOST_CHECK(defaults.front() == second || defaults.front() == third);
    }
}

BOOST_AUTO_TEST_CASE(another_users_address_is_not_found_for_every_route) {
    const api::TestUser owner = api::newUser();
    const api::TestUser other = api::newUser();
    const long long id = addAddress(owner, "主人");
    addAddress(other, "别人");
    const api::Params byId = {{"addrID", api::id(id)}};
    MMX_CHECK_FAILS_WITH(api::post(other, kSetDefault, byId), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(api::post(other, kDelete, byId), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(api::post(other, kUpdate, {{"addrID", api::id(id)}, {"name", "改"}}),
                         "NOT_FOUND");
    // The same answer as for an id that does not exist at all.
    MMX_CHECK_FAILS_WITH(api::post(other, kDelete, {{"addrID", "999999999999"}}), "NOT_FOUND");
    const auto addresses = addressesOf(owner);
    BOOST_REQUIRE_EQUAL(addresses.size(), 1u);
    BOOST_CHECK_EQUAL(addresses.at(id).name, "主人");
    BOOST_CHECK(addresses.at(id).isDefault);
    BOOST_CHECK_EQUAL(addressesOf(other).count(id), 0u);
}

BOOST_AUTO_TEST_CASE(update_changes_only_the_fields_sent) {
    const api::TestUser user = api::newUser();
    const long long id = addAddress(user, "旧名");
    MMX_REQUIRE_OK(api::post(user, kUpdate, {{"addrID", api::id(id)}, {"name", "新名"}}));
    Address address = addressesOf(user).at(id);
    BOOST_CHECK_EQUAL(address.name, "新名");
    BOOST_CHECK_EQUAL(address.phone, "13912345678");
    BOOST_CHECK_EQUAL(address.postcode, "518000");
    BOOST_CHECK(address.isDefault);

    MMX_REQUIRE_OK(api::post(user, kUpdate,
                             {{"addrID", api::id(id)},
                              {"phone", "13700000001"},
                              {"address", "广州市天河区"},
                              {"postcode", ""}}));
    address = addressesOf(user).at(id);
    BOOST_CHECK_EQUAL(address.name, "新名");
    BOOST_CHECK_EQUAL(address.phone, "13700000001");
    BOOST_CHECK_EQUAL(address.address, "广州市天河区");
    BOOST_CHECK_EQUAL(address.postcode, "");
}

BOOST_AUTO_TEST_CASE(each_bad_field_is_refused_with_bad_param_and_adds_nothing) {
    const api::TestUser user = api::newUser();
    const struct {
        const char* field;
        std::string value;
    } cases[] = {{"phone", "12345"},
                 {"phone", "23912345678"},
                 {"postcode", "51800"},
                 {"postcode", "51800a"},
                 {"name", ""},
                 {"name", std::string(21, 'n')},
                 {"name", "张\xe2\x80\xae三"},
                 {"address", ""},
                 {"address", std::string(121, 'a')},
                 {"address", "第一行\n第二行"}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.field << "=" << c.value) {
            api::Params params = addressParams("坏");
            for (auto& [name, value] : params) {
                if (name == c.field) value = c.value;
            }
            const api::Response r = api::post(user, kAdd, params);
            MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
            BOOST_CHECK_MESSAGE(r.info().find(c.field) != std::string::npos, r.describe());
        }
    }
    MMX_CHECK_FAILS_WITH(api::post(user, kAdd, {{"name", "缺"}, {"phone", "13912345678"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::post(user, kSetDefault, {}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::post(user, kUpdate, {{"addrID", "1"}}), "BAD_PARAM");
    BOOST_CHECK(addressesOf(user).empty());
}

BOOST_AUTO_TEST_CASE(addresses_need_a_login) {
    api::HttpClient http(api::stackEnv().baseUrl);
    const api::Response r = http.post(kList, {}, api::clientHeader(api::uniqueClient()));
    MMX_CHECK_FAILS_WITH(r, "AUTH_REQUIRED");
}
