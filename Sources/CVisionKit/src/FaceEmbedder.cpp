// SPDX-License-Identifier: Apache-2.0
//
// dlib 5-point alignment and the 128-d ResNet of dlib's face-recognition example (dnn_face_recognition_ex.cpp).
// One network per handle; dlib networks keep per-call state, so a handle is used by one thread at a time.

#include <algorithm>
#include <memory>

#include <dlib/dnn.h>
#include <dlib/image_processing.h>

#include "Boundary.hpp"

namespace {

using namespace dlib;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual = add_prev1<block<N, BN, 1, tag1<SUBNET>>>;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<block<N, BN, 2, tag1<SUBNET>>>>>>;

template <int N, template <typename> class BN, int stride, typename SUBNET>
using block = BN<con<N, 3, 3, 1, 1, relu<BN<con<N, 3, 3, stride, stride, SUBNET>>>>>;

template <int N, typename SUBNET> using ares = relu<residual<block, N, affine, SUBNET>>;
template <int N, typename SUBNET> using ares_down = relu<residual_down<block, N, affine, SUBNET>>;

template <typename SUBNET> using alevel0 = ares_down<256, SUBNET>;
template <typename SUBNET> using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template <typename SUBNET> using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template <typename SUBNET> using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template <typename SUBNET> using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;

using anet_type = loss_metric<fc_no_bias<
    128, avg_pool_everything<alevel0<alevel1<alevel2<alevel3<alevel4<
             max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

} // namespace

struct sv_face_embedder {
    dlib::shape_predictor predictor;
    anet_type net;
};

extern "C" {

int sv_face_embedder_create(const char *shape_predictor_path, const char *resnet_path, sv_face_embedder **out,
                            sv_status *status) {
    return sv::guard(status, SV_ERR_MODEL_LOAD, [&] {
        sv::require(shape_predictor_path, "shape_predictor_path");
        sv::require(resnet_path, "resnet_path");
        sv::require(out, "out");
        *out = nullptr;
        auto handle = std::make_unique<sv_face_embedder>();
        dlib::deserialize(shape_predictor_path) >> handle->predictor;
        dlib::deserialize(resnet_path) >> handle->net;
        *out = handle.release();
    });
}

void sv_face_embedder_destroy(sv_face_embedder *embedder) { delete embedder; }

int sv_face_embedder_embed(sv_face_embedder *embedder, sv_image_view image, float x, float y, float width,
                           float height, float *descriptor, sv_status *status) {
    return sv::guard(status, SV_ERR_INFERENCE, [&] {
        sv::require(embedder, "embedder");
        sv::require(descriptor, "descriptor");
        cv::Mat bgr = sv::borrowBGR(image);
        if (!(width > 1 && height > 1)) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "face box is empty");
        }
        // Convert only a margin around the face: the chip never reaches further than ~1 box from its centre.
        const float margin = std::max(width, height);
        const cv::Rect area = cv::Rect(cv::Point(static_cast<int>(x - margin), static_cast<int>(y - margin)),
                                       cv::Point(static_cast<int>(x + width + margin),
                                                 static_cast<int>(y + height + margin))) &
                              cv::Rect(0, 0, bgr.cols, bgr.rows);
        if (area.width < 2 || area.height < 2) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "face box is outside the image");
        }
        const cv::Mat crop = bgr(area);
        dlib::matrix<dlib::rgb_pixel> rgb(crop.rows, crop.cols);
        for (int row = 0; row < crop.rows; ++row) {
            const uint8_t *pixel = crop.ptr<uint8_t>(row);
            for (int column = 0; column < crop.cols; ++column, pixel += 3) {
                rgb(row, column) = dlib::rgb_pixel(pixel[2], pixel[1], pixel[0]);
            }
        }
        const dlib::rectangle box(static_cast<long>(x - area.x), static_cast<long>(y - area.y),
                                  static_cast<long>(x - area.x + width), static_cast<long>(y - area.y + height));
        const dlib::full_object_detection shape = embedder->predictor(rgb, box);
        dlib::matrix<dlib::rgb_pixel> chip;
        dlib::extract_image_chip(rgb, dlib::get_face_chip_details(shape, 150, 0.25), chip);
        const dlib::matrix<float, 0, 1> vector = embedder->net(chip);
        if (vector.size() != 128) {
            throw sv::Failure(SV_ERR_INFERENCE, "unexpected embedding size");
        }
        for (long index = 0; index < 128; ++index) {
            descriptor[index] = vector(index);
        }
    });
}

} // extern "C"
