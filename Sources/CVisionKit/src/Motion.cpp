// SPDX-License-Identifier: Apache-2.0
//
// Motion on a small grey frame: running average background, absolute difference, threshold, dilation and
// external contours. When most of the frame changes at once (a light switched, the camera moved) the
// background is reset instead of reporting motion everywhere.

#include <vector>

#include <opencv2/imgproc.hpp>

#include "Boundary.hpp"

struct sv_motion_detector {
    float alpha;
    int threshold;
    float minArea;
    float recalibrateFraction;
    cv::Mat background;
};

extern "C" {

int sv_motion_detector_create(float alpha, int threshold, float min_area, float recalibrate_fraction,
                              sv_motion_detector **out, sv_status *status) {
    return sv::guard(status, SV_ERR_INTERNAL, [&] {
        sv::require(out, "out");
        *out = nullptr;
        if (!(alpha > 0 && alpha <= 1) || threshold < 1 || threshold > 255 || min_area < 0 ||
            !(recalibrate_fraction > 0 && recalibrate_fraction <= 1)) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "invalid motion parameters");
        }
        *out = new sv_motion_detector{alpha, threshold, min_area, recalibrate_fraction, cv::Mat()};
    });
}

void sv_motion_detector_destroy(sv_motion_detector *detector) { delete detector; }

int sv_motion_detector_update(sv_motion_detector *detector, sv_image_view image, sv_motion_box **boxes, int *count,
                              float *changed_fraction, int *recalibrated, sv_status *status) {
    return sv::guard(status, SV_ERR_INTERNAL, [&] {
        sv::require(detector, "detector");
        sv::require(boxes, "boxes");
        sv::require(count, "count");
        sv::require(changed_fraction, "changed_fraction");
        sv::require(recalibrated, "recalibrated");
        *boxes = nullptr;
        *count = 0;
        *changed_fraction = 0;
        *recalibrated = 0;
        cv::Mat source = sv::borrow(image);
        cv::Mat grey;
        if (source.channels() == 3) {
            cv::cvtColor(source, grey, cv::COLOR_BGR2GRAY);
        } else {
            grey = source;
        }
        cv::GaussianBlur(grey, grey, cv::Size(5, 5), 0);
        if (detector->background.empty() || detector->background.size() != grey.size()) {
            grey.convertTo(detector->background, CV_32F);
            *recalibrated = 1;
            return;
        }
        cv::Mat reference;
        cv::convertScaleAbs(detector->background, reference);
        cv::Mat difference;
        cv::absdiff(grey, reference, difference);
        cv::Mat mask;
        cv::threshold(difference, mask, detector->threshold, 255, cv::THRESH_BINARY);
        const float fraction = static_cast<float>(cv::countNonZero(mask)) / static_cast<float>(mask.total());
        *changed_fraction = fraction;
        if (fraction > detector->recalibrateFraction) {
            grey.convertTo(detector->background, CV_32F);
            *recalibrated = 1;
            return;
        }
        cv::accumulateWeighted(grey, detector->background, detector->alpha);
        cv::dilate(mask, mask, cv::Mat(), cv::Point(-1, -1), 2);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        std::vector<sv_motion_box> found;
        for (const auto &contour : contours) {
            const double area = cv::contourArea(contour);
            if (area < detector->minArea) {
                continue;
            }
            const cv::Rect rect = cv::boundingRect(contour);
            found.push_back(sv_motion_box{rect.x, rect.y, rect.width, rect.height, static_cast<float>(area)});
        }
        *boxes = sv::exportArray(found.data(), found.size());
        *count = static_cast<int>(found.size());
    });
}

} // extern "C"
