// A pattern's matches in a text, found one window at a time, only when a
// question reaches that window.
//
// The quantity finder and its exclusions match only inside their windows
// (match_windows.hpp), and a window's matches do not depend on any other
// window. Most windows lie in sentences that name no indicator, which no
// rule reads, so scanning them up front is wasted work: here each window is
// scanned the first time a question covers it, and the answers are those of
// scanning every window first, whatever the order of the questions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "text/segmenter.hpp"

namespace zhibiao::match {

template <typename Item>
class MatchesByWindow {
 public:
  MatchesByWindow() = default;
  // `windows`: sorted, disjoint; every match lies inside one of them.
  explicit MatchesByWindow(std::vector<text::Range> windows)
      : windows_(std::move(windows)), items_of_(windows_.size(), {0, 0}), scanned_(windows_.size(), 0) {}

  // Whether some window meets [from, to): a match can lie there. Scans nothing.
  bool any_window_in(std::size_t from, std::size_t to) {
    std::size_t w = first_window_ending_after(from);
    return w < windows_.size() && windows_[w].begin < to;
  }

  // Calls visit(Item&) on each match of the windows that end after `from`
  // and begin before `to` (and on no other), in text order, until visit
  // returns true; whether it did. A window not yet scanned is scanned
  // first: scan_window(range, items) appends its matches to `items` in
  // text order.
  template <typename ScanWindow, typename Visit>
  bool find(std::size_t from, std::size_t to, ScanWindow&& scan_window, Visit&& visit) {
    for (std::size_t w = first_window_ending_after(from); w < windows_.size() && windows_[w].begin < to; ++w) {
      if (!scanned_[w]) {
        std::size_t first = items_.size();
        scan_window(windows_[w], items_);
        items_of_[w] = {first, items_.size()};
        scanned_[w] = 1;
      }
      // By index: a later window's scan may move the items.
      for (std::size_t i = items_of_[w].first; i < items_of_[w].second; ++i)
        if (visit(items_[i])) return true;
    }
    return false;
  }

 private:
  std::size_t first_window_ending_after(std::size_t pos) {
    // Questions mostly come sentence by sentence, in text order: the answer
    // is then at or a few windows after the last one.
    auto ends_by = [&](const text::Range& w) { return w.end <= pos; };
    if (last_ > 0 && !ends_by(windows_[last_ - 1])) {
      last_ = static_cast<std::size_t>(std::partition_point(windows_.begin(), windows_.begin() + last_, ends_by) -
                                       windows_.begin());
      return last_;
    }
    for (int step = 0; step < 4; ++step, ++last_)
      if (last_ == windows_.size() || !ends_by(windows_[last_])) return last_;
    last_ = static_cast<std::size_t>(std::partition_point(windows_.begin() + last_, windows_.end(), ends_by) -
                                     windows_.begin());
    return last_;
  }

  std::vector<text::Range> windows_;
  std::vector<std::pair<std::size_t, std::size_t>> items_of_;  // per window: its items in items_
  std::vector<std::uint8_t> scanned_;
  std::vector<Item> items_;
  std::size_t last_ = 0;  // the last answer of first_window_ending_after
};

}  // namespace zhibiao::match
