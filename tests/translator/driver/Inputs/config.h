// Found only through -I: proves include directories reach both steps.
#define CONFIG_FROM_INCLUDE 5
