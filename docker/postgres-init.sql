-- One database per service (docs/architecture.md "Data").
CREATE DATABASE auth;
CREATE DATABASE customer;
CREATE DATABASE booking;
CREATE DATABASE ticket;
CREATE DATABASE jobcard;
CREATE DATABASE notification;
