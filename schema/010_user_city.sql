-- A user's city refers to the cities the app runs in: city_id is set when the city is one
-- of them (the text column keeps its name, so free text from older phones still reads back).
ALTER TABLE users
    ADD COLUMN city_id INT UNSIGNED NULL AFTER city,
    ADD CONSTRAINT fk_users_city FOREIGN KEY (city_id) REFERENCES city (id);
