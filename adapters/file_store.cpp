#include "adapters/file_store.hpp"

#include <fstream>
#include <stdexcept>

namespace mmx {

std::filesystem::path writeFileAtomically(const std::filesystem::path& directory,
                                          const std::string& name, std::string_view bytes) {
    std::filesystem::create_directories(directory);
    const auto temporary = directory / ("." + name + ".part");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            out.close();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    const auto final = directory / name;
    std::filesystem::rename(temporary, final);
    return final;
}

}  // namespace mmx
