-- One database per service (DESIGN.md, Data).
CREATE DATABASE auth;
CREATE DATABASE customer;
CREATE DATABASE booking;
CREATE DATABASE ticket;
CREATE DATABASE jobcard;
CREATE DATABASE notification;
