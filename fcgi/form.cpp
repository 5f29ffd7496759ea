#include "fcgi/form.hpp"

#include <cgicc/Cgicc.h>

namespace mmx {

void parseForm(cgicc::CgiInput& input, Request& request) {
    cgicc::Cgicc form(&input);
    for (const auto& entry : *form) request.params.emplace_back(entry.getName(), entry.getValue());
    for (const auto& file : form.getFiles()) {
        request.files.push_back(
            UploadedFile{file.getName(), file.getFilename(), file.getDataType(), file.getData()});
    }
}

}  // namespace mmx
