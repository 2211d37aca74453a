// White-box: the host-side bounds of core/memory_budget.h (available memory,
// address-space limit, the wait for the driver's releases) and the device
// address reservation's size under a limit.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <thread>

#include "core/address_reservation.h"
#include "core/memory_budget.h"

#include "address_space_in_use.h"

namespace {

constexpr std::size_t kMiB = std::size_t(1) << 20;

// Lowers RLIMIT_AS to what the process uses plus `room`; restores it after.
class AddressSpaceLimit {
public:
  explicit AddressSpaceLimit(std::size_t room) {
    getrlimit(RLIMIT_AS, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = addressSpaceInUse() + room;
    active_ = setrlimit(RLIMIT_AS, &lowered) == 0;
  }
  ~AddressSpaceLimit() {
    setrlimit(RLIMIT_AS, &saved_);
    cucl::addressSpaceLeft(); // reads the restored limit now
  }
  bool active() const { return active_; }

private:
  rlimit saved_{};
  bool active_ = false;
};

TEST(HostMemoryBudget, GrantsCountUntilReturned) {
  std::size_t left = cucl::hostMemoryLeft();
  if (left == SIZE_MAX)
    GTEST_SKIP() << "no MemAvailable in /proc/meminfo";
  ASSERT_GT(left, 256 * kMiB);
  // More than is available: refused, and nothing is taken.
  EXPECT_FALSE(cucl::takeHostMemory(left + left / 2));
  std::size_t before = cucl::hostMemoryLeft();
  ASSERT_TRUE(cucl::takeHostMemory(64 * kMiB));
  std::size_t during = cucl::hostMemoryLeft();
  // Exact while the reading is the same one (re-read at most every 0.5 s).
  EXPECT_NEAR(static_cast<double>(before - 64 * kMiB), static_cast<double>(during), 32.0 * kMiB);
  cucl::giveHostMemory(64 * kMiB);
  EXPECT_NEAR(static_cast<double>(before), static_cast<double>(cucl::hostMemoryLeft()),
              32.0 * kMiB);
}

TEST(AddressSpace, UnlimitedByDefault) {
  rlimit limit{};
  ASSERT_EQ(0, getrlimit(RLIMIT_AS, &limit));
  if (limit.rlim_cur != RLIM_INFINITY)
    GTEST_SKIP() << "run under a limit";
  EXPECT_EQ(SIZE_MAX, cucl::addressSpaceLimit());
  EXPECT_EQ(SIZE_MAX, cucl::addressSpaceLeft());
  EXPECT_TRUE(cucl::addressSpaceFits(std::size_t(1) << 40));
}

TEST(AddressSpace, ProbeKeepsTheMargin) {
  AddressSpaceLimit limit(256 * kMiB);
  ASSERT_TRUE(limit.active());
  std::size_t left = cucl::addressSpaceLeft();
  EXPECT_LE(left, 256 * kMiB);
  EXPECT_GE(left, 200 * kMiB);
  EXPECT_NE(SIZE_MAX, cucl::addressSpaceLimit());
  EXPECT_TRUE(cucl::addressSpaceFits(64 * kMiB));
  // Fits the address space, but not with the driver's margin beside it.
  EXPECT_FALSE(cucl::addressSpaceFits(left - cucl::kAddressSpaceMargin / 2));
  EXPECT_FALSE(cucl::addressSpaceFits(std::size_t(1) << 30));
}

TEST(AddressSpace, ReservationTakesAtMostHalfOfWhatIsLeft) {
  AddressSpaceLimit limit(512 * kMiB);
  ASSERT_TRUE(limit.active());
  cucl::AddressReservation reservation(std::size_t(16) << 30);
  ASSERT_TRUE(reservation.valid());
  EXPECT_LE(reservation.size(), (512 * kMiB - cucl::kAddressSpaceMargin) / 2);
  EXPECT_GE(reservation.size(), 128 * kMiB);
  EXPECT_EQ(reservation.size() - cucl::AddressReservation::kAlignment, reservation.freeBytes());
  std::uintptr_t block = reservation.allocate(kMiB);
  ASSERT_NE(0u, block);
  EXPECT_EQ(reservation.size() - cucl::AddressReservation::kAlignment - kMiB,
            reservation.freeBytes());
  reservation.release(block, kMiB);
  EXPECT_EQ(reservation.size() - cucl::AddressReservation::kAlignment, reservation.freeBytes());
  // And real memory is left for the allocations themselves.
  EXPECT_TRUE(cucl::addressSpaceFits(128 * kMiB));
}

TEST(DriverReleases, WaitEndsWhenTheDriverDestroysAFreedBuffer) {
  cucl::DriverReleaseWait nothingPending;
  EXPECT_FALSE(nothingPending.next()); // at once

  cucl::noteBufferFreed(4096);
  std::thread driver([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cucl::noteBufferDestroyed(4096);
  });
  auto start = std::chrono::steady_clock::now();
  cucl::DriverReleaseWait wait;
  EXPECT_TRUE(wait.next());
  driver.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(400));
  EXPECT_FALSE(wait.next()); // nothing pending any more

  // A buffer the driver keeps: the wait gives up after its bound.
  cucl::noteBufferFreed(4096);
  start = std::chrono::steady_clock::now();
  cucl::DriverReleaseWait bounded;
  EXPECT_FALSE(bounded.next());
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, std::chrono::milliseconds(400));
  EXPECT_LT(waited, std::chrono::seconds(5));
  cucl::noteBufferDestroyed(4096);
}

} // namespace
