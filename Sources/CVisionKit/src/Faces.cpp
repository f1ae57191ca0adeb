// SPDX-License-Identifier: Apache-2.0
//
// YuNet face detection through cv::FaceDetectorYN. One detector per handle; not thread-safe.

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "Boundary.hpp"

struct sv_face_detector {
    cv::Ptr<cv::FaceDetectorYN> net;
    cv::Size inputSize;
};

extern "C" {

int sv_face_detector_create(const char *model_path, float score_threshold, float nms_threshold,
                            sv_face_detector **out, sv_status *status) {
    return sv::guard(status, SV_ERR_MODEL_LOAD, [&] {
        sv::require(model_path, "model_path");
        sv::require(out, "out");
        *out = nullptr;
        auto handle = std::make_unique<sv_face_detector>();
        handle->inputSize = cv::Size(320, 320);
        handle->net = cv::FaceDetectorYN::create(model_path, "", handle->inputSize, score_threshold, nms_threshold,
                                                 5000);
        if (handle->net.empty()) {
            throw sv::Failure(SV_ERR_MODEL_LOAD, "face detector model did not load");
        }
        *out = handle.release();
    });
}

void sv_face_detector_destroy(sv_face_detector *detector) { delete detector; }

int sv_face_detector_detect(sv_face_detector *detector, sv_image_view image, sv_face **faces, int *count,
                            sv_status *status) {
    return sv::guard(status, SV_ERR_INFERENCE, [&] {
        sv::require(detector, "detector");
        sv::require(faces, "faces");
        sv::require(count, "count");
        *faces = nullptr;
        *count = 0;
        cv::Mat bgr = sv::borrowBGR(image);
        // YuNet throws an OpenCV assertion, instead of finding nothing, on inputs under 63 pixels on a side
        // (a 1x1 PNG sent to POST /faces/recognize was a 500). Pad small images on the right and bottom:
        // every face stays where it is, and the black border holds none.
        constexpr int minimumSide = 64;
        if (bgr.cols < minimumSide || bgr.rows < minimumSide) {
            cv::Mat padded;
            cv::copyMakeBorder(bgr, padded, 0, std::max(0, minimumSide - bgr.rows), 0,
                               std::max(0, minimumSide - bgr.cols), cv::BORDER_CONSTANT, cv::Scalar::all(0));
            bgr = padded;
        }
        if (bgr.size() != detector->inputSize) {
            detector->net->setInputSize(bgr.size());
            detector->inputSize = bgr.size();
        }
        cv::Mat rows;
        detector->net->detect(bgr, rows);
        std::vector<sv_face> found;
        for (int row = 0; row < rows.rows; ++row) {
            const float *values = rows.ptr<float>(row);
            sv_face face{};
            face.x = values[0];
            face.y = values[1];
            face.width = values[2];
            face.height = values[3];
            for (int index = 0; index < 10; ++index) {
                face.landmarks[index] = values[4 + index];
            }
            face.score = values[14];
            found.push_back(face);
        }
        *faces = sv::exportArray(found.data(), found.size());
        *count = static_cast<int>(found.size());
    });
}

} // extern "C"
