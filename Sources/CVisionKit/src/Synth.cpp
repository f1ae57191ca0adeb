// SPDX-License-Identifier: Apache-2.0
//
// Synthetic licence plates for tests and the benchmark: OpenCV Hershey text on a white plate, warped onto a
// real photo, blurred and passed through JPEG.

#include <algorithm>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "Boundary.hpp"

extern "C" {

int sv_synth_plate(sv_image_view background, const char *text, int font, int thickness, const float *quad,
                   float blur_sigma, int jpeg_quality, sv_image *out, sv_status *status) {
    return sv::guard(status, SV_ERR_INTERNAL, [&] {
        sv::require(text, "text");
        sv::require(quad, "quad");
        sv::require(out, "out");
        if (font < 0 || font > 7 || thickness < 1 || thickness > 20) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "invalid font or thickness");
        }
        cv::Mat scene = sv::borrowBGR(background).clone();
        // 440 x 140 is the one-row plate's 3.1:1 aspect.
        const cv::Size plateSize(440, 140);
        cv::Mat plate(plateSize, CV_8UC3, cv::Scalar(235, 235, 235));
        cv::rectangle(plate, cv::Rect(4, 4, plateSize.width - 8, plateSize.height - 8), cv::Scalar(20, 20, 20), 6);
        int baseline = 0;
        const cv::Size unit = cv::getTextSize(text, font, 1.0, thickness, &baseline);
        const double scale = std::min(380.0 / std::max(1, unit.width), 90.0 / std::max(1, unit.height));
        const cv::Size textSize = cv::getTextSize(text, font, scale, thickness, &baseline);
        const cv::Point origin((plateSize.width - textSize.width) / 2, (plateSize.height + textSize.height) / 2);
        cv::putText(plate, text, origin, font, scale, cv::Scalar(15, 15, 15), thickness, cv::LINE_AA);

        const cv::Point2f source[4] = {{0, 0},
                                       {static_cast<float>(plateSize.width), 0},
                                       {static_cast<float>(plateSize.width), static_cast<float>(plateSize.height)},
                                       {0, static_cast<float>(plateSize.height)}};
        const cv::Point2f target[4] = {{quad[0], quad[1]}, {quad[2], quad[3]}, {quad[4], quad[5]}, {quad[6], quad[7]}};
        const cv::Mat transform = cv::getPerspectiveTransform(source, target);
        cv::Mat warped;
        cv::Mat mask;
        cv::warpPerspective(plate, warped, transform, scene.size(), cv::INTER_LINEAR);
        cv::warpPerspective(cv::Mat(plateSize, CV_8UC1, cv::Scalar(255)), mask, transform, scene.size(),
                            cv::INTER_LINEAR);
        warped.copyTo(scene, mask > 127);
        if (blur_sigma > 0) {
            cv::GaussianBlur(scene, scene, cv::Size(), blur_sigma);
        }
        if (jpeg_quality >= 1 && jpeg_quality <= 100) {
            std::vector<uint8_t> bytes;
            cv::imencode(".jpg", scene, bytes, {cv::IMWRITE_JPEG_QUALITY, jpeg_quality});
            scene = cv::imdecode(bytes, cv::IMREAD_COLOR);
        }
        sv::exportImage(scene, out);
    });
}

} // extern "C"
