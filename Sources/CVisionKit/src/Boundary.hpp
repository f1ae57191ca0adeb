// SPDX-License-Identifier: Apache-2.0
//
// Shared helpers of the C boundary: status filling, the exception guard and image views as cv::Mat.

#ifndef CVISIONKIT_BOUNDARY_HPP
#define CVISIONKIT_BOUNDARY_HPP

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "CVisionKit.h"

namespace sv {

/// An error raised inside the library with the code it maps to.
struct Failure : std::runtime_error {
    int code;
    Failure(int code, const std::string &message) : std::runtime_error(message), code(code) {}
};

inline int fail(sv_status *status, int code, const char *message) {
    if (status != nullptr) {
        status->code = code;
        std::snprintf(status->message, sizeof(status->message), "%s", message);
    }
    return code;
}

/// Runs `body`, turning every C++ exception into a status code. `fallback` is the code for
/// OpenCV and other foreign exceptions (for example SV_ERR_MODEL_LOAD while loading).
template <typename Body> int guard(sv_status *status, int fallback, Body &&body) {
    try {
        body();
        if (status != nullptr) {
            status->code = SV_OK;
            status->message[0] = '\0';
        }
        return SV_OK;
    } catch (const Failure &failure) {
        return fail(status, failure.code, failure.what());
    } catch (const cv::Exception &exception) {
        // `err` holds the message without the source path that what() carries.
        return fail(status, fallback, exception.err.c_str());
    } catch (const std::bad_alloc &) {
        return fail(status, SV_ERR_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception &exception) {
        return fail(status, fallback, exception.what());
    } catch (...) {
        return fail(status, SV_ERR_INTERNAL, "unknown native error");
    }
}

/// Wraps a borrowed view without copying; throws when it is malformed.
inline cv::Mat borrow(const sv_image_view &view) {
    if (view.data == nullptr || view.width <= 0 || view.height <= 0 || (view.channels != 1 && view.channels != 3) ||
        view.stride < view.width * view.channels) {
        throw Failure(SV_ERR_INVALID_ARGUMENT, "invalid image view");
    }
    return cv::Mat(view.height, view.width, CV_8UC(view.channels), const_cast<uint8_t *>(view.data),
                   static_cast<size_t>(view.stride));
}

/// The view as BGR, converting grey images.
inline cv::Mat borrowBGR(const sv_image_view &view) {
    cv::Mat mat = borrow(view);
    if (mat.channels() == 3) {
        return mat;
    }
    cv::Mat bgr;
    cv::cvtColor(mat, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

/// Copies `mat` (8-bit, 1 or 3 channels) into a malloc'ed sv_image.
void exportImage(const cv::Mat &mat, sv_image *out);

/// Copies `count` items into a malloc'ed array (NULL when empty).
template <typename T> T *exportArray(const T *items, size_t count) {
    if (count == 0) {
        return nullptr;
    }
    void *memory = std::malloc(sizeof(T) * count);
    if (memory == nullptr) {
        throw std::bad_alloc();
    }
    std::memcpy(memory, items, sizeof(T) * count);
    return static_cast<T *>(memory);
}

/// Throws when a pointer argument is NULL.
inline void require(const void *pointer, const char *what) {
    if (pointer == nullptr) {
        throw Failure(SV_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL");
    }
}

/// Letterboxes `image` into size x size, returning the scale and padding used.
struct Letterbox {
    cv::Mat image;
    float scale;
    int left;
    int top;
};
Letterbox letterbox(const cv::Mat &image, int size, bool centred);

} // namespace sv

#endif
