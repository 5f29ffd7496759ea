#include "core/qr_card.hpp"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace mmx {
namespace {

constexpr int kPixelsPerModule = 8;
constexpr int kQuietModules = 4;

struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

void appendToString(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}

void noFlush(png_structp) {}

}  // namespace

std::string qrCardText(std::string_view mcode) {
    return "mmx://user/" + std::string(mcode);
}

std::string qrPng(std::string_view text) {
    const std::string input(text);
    std::unique_ptr<QRcode, QrDeleter> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) throw std::runtime_error("libqrencode cannot encode the QR card text");

    const int modules = code->width;
    const int side = (modules + 2 * kQuietModules) * kPixelsPerModule;
    std::vector<png_byte> row(static_cast<std::size_t>(side));
    std::string out;

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("libpng cannot start a PNG");
    }
    // libpng reports errors by longjmp; nothing with a destructor is created below.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng failed to write the QR card");
    }
    png_set_write_fn(png, &out, appendToString, noFlush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < side; ++y) {
        const int my = y / kPixelsPerModule - kQuietModules;
        for (int x = 0; x < side; ++x) {
            const int mx = x / kPixelsPerModule - kQuietModules;
            const bool inside = mx >= 0 && my >= 0 && mx < modules && my < modules;
            const bool dark = inside && (code->data[my * modules + mx] & 1) != 0;
            row[static_cast<std::size_t>(x)] = dark ? 0 : 255;
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace mmx
